import type { AppError, ChatParams } from '../../../../electron/contract';
import {
  DEFAULT_TRANSLATION,
  isTranslationModel,
  translationErrors,
  translationProblem,
} from '../../../../electron/shared/translation';
import { translate, useLocale } from '../../i18n';

/**
 * Before a translation is sent: what is wrong with its options (the engine's own check), in the
 * UI's language; null when it can go.
 */
export function translationRefusal(model: string, params: ChatParams): AppError | null {
  if (!isTranslationModel(model)) return null;
  const code = translationProblem(params.translation ?? DEFAULT_TRANSLATION);
  if (!code) return null;
  const locale = useLocale.getState().locale;
  return {
    code: 'invalid_argument',
    message: translate(locale, `translate.error.${code}`),
    // The engine's English words stay as the detail, for a report.
    detail: translationErrors[code].message,
  };
}
