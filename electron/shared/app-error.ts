import type { AppError, ErrorCode, Result } from '../contract';

/** Thrown inside the core to end a request with a failure the UI can show. */
export class AppErrorException extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
    this.name = 'AppErrorException';
  }
}

export function appError(code: ErrorCode, message: string, extra: Partial<AppError> = {}): AppError {
  return { code, message, ...extra };
}

export function fail(code: ErrorCode, message: string, extra: Partial<AppError> = {}): never {
  throw new AppErrorException(appError(code, message, extra));
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
      error: appError('internal', 'Something went wrong inside Qwen Desk.', {
        detail: err instanceof Error ? err.message : String(err),
      }),
    };
  }
}
