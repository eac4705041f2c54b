import { initial } from './001-initial';
import { search } from './002-search';
import { idsNeverReused } from './003-ids-never-reused';
import { attachments } from './004-attachments';
import { quickOrigin } from './005-quick-origin';
import { answerCache } from './006-answer-cache';
import { imageJobs } from './007-image-jobs';
import type { Migration } from './types';

/** Every migration in order; a new one is a new file added at the end. */
export const migrations: readonly Migration[] = [
  initial,
  search,
  idsNeverReused,
  attachments,
  quickOrigin,
  answerCache,
  imageJobs,
];
export const LATEST_VERSION = migrations.at(-1)!.version;
