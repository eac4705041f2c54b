import type { AppError, ErrorCode, Result } from '../contract';
import { englishText, readSaid, type MainTextKey, type MainTextParams } from './main-text';

/** Thrown inside the core to end a request with a failure the UI can show. */
export class AppErrorException extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
    this.name = 'AppErrorException';
  }
}

/** What goes with an error's sentence: its parameters, what to do (another sentence), the details. */
export interface ErrorOptions {
  params?: MainTextParams;
  action?: MainTextKey;
  /** The server's or the system's own words (shown as they are, under the sentence). */
  detail?: string;
  httpStatus?: number;
}

/**
 * An error the UI shows: `key` and `params` let it say the sentence in its own language; `message`
 * and `action` are the English (logs, and a UI that does not know the key).
 */
export function appError(code: ErrorCode, key: MainTextKey, options: ErrorOptions = {}): AppError {
  const { params, action, detail, httpStatus } = options;
  return {
    code,
    message: englishText(key, params),
    key,
    ...(params ? { params: { ...params } } : {}),
    ...(action ? { action: englishText(action, params), actionKey: action } : {}),
    ...(detail !== undefined ? { detail } : {}),
    ...(httpStatus !== undefined ? { httpStatus } : {}),
  };
}

export function fail(code: ErrorCode, key: MainTextKey, options: ErrorOptions = {}): never {
  throw new AppErrorException(appError(code, key, options));
}

/**
 * A schema's refusal: the schema's own sentence when it has one (its message is a key, see `said`),
 * else `fallback` naming the field. zod's own words go in the detail, never in the sentence.
 */
export function failValidation(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>,
  fallback: 'request.invalid' | 'settings.invalid',
): never {
  const first = issues[0];
  const where = (i: { path: ReadonlyArray<PropertyKey> }) => i.path.map(String).join('.') || '(argument)';
  const detail = issues.map((i) => `${where(i)}: ${i.message}`).join('; ');
  const own = first ? readSaid(first.message) : null;
  if (own) fail('invalid_argument', own.key, { ...(own.params ? { params: own.params } : {}), detail });
  fail('invalid_argument', fallback, { params: { field: first ? where(first) : '(argument)' }, detail });
}

/** Runs a handler and turns any outcome into a Result: the transport never sees a thrown error. */
export async function toResult<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    if (err instanceof AppErrorException) return { ok: false, error: err.appError };
    // An unexpected bug: say so plainly, keep the details out of the UI's main sentence.
    return {
      ok: false,
      error: appError('internal', 'internal.bug', {
        detail: err instanceof Error ? err.message : String(err),
      }),
    };
  }
}
