import type { AppError } from '../../../../electron/contract';
import type { MessageKey } from '../../i18n';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Image failures main names by code, in the page's language (main keeps the English, and the detail). */
const WORDED: Partial<Record<AppError['code'], MessageKey>> = {
  moderation: 'imagegen.error.moderation',
  result_expired: 'imagegen.error.expired',
  image_interrupted: 'imagegen.error.interrupted',
  bad_image: 'imagegen.error.badImage',
};

export function localError(error: AppError, t: Translate): AppError {
  const key = WORDED[error.code];
  if (!key) return error;
  // Said here in image words (the key main sent would say the generic sentence instead).
  const { action: _action, key: _key, actionKey: _actionKey, ...rest } = error;
  return { ...rest, message: t(key), action: t(`${key}.action` as MessageKey) };
}
