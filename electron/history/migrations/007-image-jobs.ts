import type { Migration } from './types';

/**
 * Issue 14: image generation. An image answer is an ordinary assistant message (so it sits in the
 * conversation's tree, is searched by its prompt in the question, deleted and wiped like any
 * message) with one `image_jobs` row beside it: the model, the API shape (sync or an async task),
 * the request as sent (JSON), the DashScope task id once there is one (so a task still PENDING or
 * RUNNING when the app quits is polled again on the next start: tasks live 24 h), its state, the
 * rewritten prompt, how many images were billed and how many failed, and the error. Result links
 * expire after 24 h, so the images themselves are downloaded at once and kept as attachments of the
 * answer (`attachments` / `attachment_blobs`, by SHA-256, migration 004); `pending_urls` holds the
 * links of results ready but not yet downloaded, so a download cut by a quit is tried again.
 * The row goes with its message (ON DELETE CASCADE).
 */
export const imageJobs: Migration = {
  version: 7,
  name: 'image-jobs',
  up(db) {
    db.exec(`
      CREATE TABLE image_jobs (
        message_id INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
        model TEXT NOT NULL,
        api TEXT NOT NULL CHECK (api IN ('sync', 'async')),
        state TEXT NOT NULL CHECK (state IN ('submitting', 'queued', 'running', 'downloading', 'done', 'failed', 'canceled')),
        task_id TEXT,
        request TEXT NOT NULL,
        edit_images TEXT,
        submitted_at INTEGER NOT NULL,
        finished_at INTEGER,
        actual_prompt TEXT,
        pending_urls TEXT,
        billed_images INTEGER NOT NULL DEFAULT 0 CHECK (billed_images >= 0),
        failed_images INTEGER NOT NULL DEFAULT 0 CHECK (failed_images >= 0),
        error TEXT,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX image_jobs_open ON image_jobs(state)
        WHERE state IN ('submitting', 'queued', 'running', 'downloading');
    `);
  },
};
