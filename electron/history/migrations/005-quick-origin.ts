import type { Migration } from './types';

/**
 * Issue 11: a conversation started in the quick-ask window is an ordinary conversation, marked
 * with where it began (`origin = 'quick'`; NULL is the main window), so the sidebar can say so and
 * people can find the quick questions they asked from other apps. A column with a CHECK, added in
 * place: every existing conversation began in the main window.
 */
export const quickOrigin: Migration = {
  version: 5,
  name: 'quick-origin',
  up(db) {
    db.exec(`ALTER TABLE conversations ADD COLUMN origin TEXT CHECK (origin IS NULL OR origin = 'quick')`);
  },
};
