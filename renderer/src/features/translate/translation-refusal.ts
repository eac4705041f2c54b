import type { AppError, ChatParams } from '../../../../electron/contract';
import { appError } from '../../../../electron/shared/app-error';
import {
  DEFAULT_TRANSLATION,
  isTranslationModel,
  translationAction,
  translationProblem,
} from '../../../../electron/shared/translation';

/**
 * Before a translation is sent: what is wrong with its options (the engine's own check, said by
 * the same key, so the refusal shows in the UI's language); null when it can go.
 */
export function translationRefusal(model: string, params: ChatParams): AppError | null {
  if (!isTranslationModel(model)) return null;
  const problem = translationProblem(params.translation ?? DEFAULT_TRANSLATION);
  return problem ? appError('invalid_argument', problem, { action: translationAction(problem) }) : null;
}
