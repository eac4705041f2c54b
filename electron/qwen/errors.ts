import OpenAI from 'openai';
import type { AppError } from '../contract';
import { appError } from '../core/app-error';

/**
 * Maps any failure of a Qwen request to a category and a human sentence. A first version: the
 * engine issue extends it to every DashScope error code.
 */
export function mapQwenError(err: unknown): AppError {
  if (err instanceof OpenAI.APIConnectionTimeoutError) {
    return appError('timeout', 'Qwen did not answer in time.', { action: 'Try again.' });
  }
  if (err instanceof OpenAI.APIConnectionError) {
    return appError('network', 'Could not reach Qwen. Check your internet connection.', {
      action: 'Try again.',
      detail: causeMessage(err),
    });
  }
  if (err instanceof OpenAI.APIError) {
    const detail = err.message ? stripStatusPrefix(err.message) : undefined;
    const extra = { detail, ...(err.status ? { httpStatus: err.status } : {}) };
    switch (err.status) {
      case 401:
        return appError('auth', 'Qwen rejected the API key.', {
          action: 'Check the key and its region in Settings.',
          ...extra,
        });
      case 404:
        return appError('model_not_found', 'This model does not exist or your key cannot use it.', {
          action: 'Choose another model.',
          ...extra,
        });
      case 429:
        return appError('rate_limit', 'Too many requests to Qwen right now.', {
          action: 'Wait a moment and try again.',
          ...extra,
        });
      default:
        if (err.status && err.status >= 500) {
          return appError('server', 'Qwen had a problem on its side.', { action: 'Try again.', ...extra });
        }
        return appError('bad_request', 'Qwen could not process this request.', extra);
    }
  }
  return appError('internal', 'Something went wrong while talking to Qwen.', {
    detail: err instanceof Error ? err.message : String(err),
  });
}

function causeMessage(err: Error): string | undefined {
  const cause = (err as { cause?: unknown }).cause;
  return cause instanceof Error ? cause.message : undefined;
}

/** The SDK prefixes messages with the status ("401 Incorrect API key…"); the UI shows the status apart. */
function stripStatusPrefix(message: string): string {
  return message.replace(/^\d{3}\s+/, '');
}
