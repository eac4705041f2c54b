import type Database from 'better-sqlite3';
import type { HistoryMessage, HistoryNotice, LiveAnswer, OpenedConversation } from '../contract';
import type { SettingsStore } from '../settings/settings-store';
import { ConversationsTable } from './conversations-table';
import { MessagesTable } from './messages-table';
import { AttachmentsTable } from './attachments-table';
import { AnswerCacheTable } from './answer-cache-table';
import { ImageJobsTable } from './image-jobs-table';
import { closeHistoryDatabase, openHistoryDatabase } from './open-database';
import { toConversation, toMessage, type MessageRow } from './rows';
import { MessageSearch } from './search';
import { createSqliteSettingsStore } from './settings-table';
import { dailyBackupIfDue } from './backups';
import { wipeFreedText } from './conversations-table';
import path from 'node:path';
import { wipeFromBackups } from './backup-wipe';

export interface PageOptions {
  limit: number;
  beforeId?: number;
  focusMessageId?: number;
}

/** The open history database and its query modules; one per process. */
export class HistoryStore {
  readonly conversations: ConversationsTable;
  readonly messages: MessagesTable;
  /** Issue 10: images and text files of questions. */
  readonly attachments: AttachmentsTable;
  /** Issue 14: answers to repeatable requests, for 24 hours (deleted with their answers). */
  readonly answerCache: AnswerCacheTable;
  /** Issue 14: image answers (their images are the answer's attachments). */
  readonly imageJobs: ImageJobsTable;
  readonly search: MessageSearch;
  readonly settings: SettingsStore;
  private backupTimer: ReturnType<typeof setInterval> | null = null;

  constructor(
    readonly db: Database.Database,
    readonly file: string,
    readonly notices: HistoryNotice[],
  ) {
    this.conversations = new ConversationsTable(db, (id) =>
      wipeFromBackups(path.dirname(file), { conversationIds: [id] }),
    );
    this.messages = new MessagesTable(db);
    this.attachments = new AttachmentsTable(db);
    this.answerCache = new AnswerCacheTable(db);
    this.imageJobs = new ImageJobsTable(db, this.attachments);
    this.search = new MessageSearch(db);
    this.settings = createSqliteSettingsStore(db);
  }

  /** Opens the database in `dataDir` and settles what the last run left streaming. */
  static open(dataDir: string, options: { now?: number; dailyBackups?: boolean } = {}): HistoryStore {
    const now = options.now ?? Date.now();
    const opened = openHistoryDatabase(dataDir, now);
    const store = new HistoryStore(opened.db, opened.file, opened.notices);
    store.messages.markInterrupted(now);
    if (options.dailyBackups) store.startDailyBackups(dataDir);
    return store;
  }

  private startDailyBackups(dataDir: string): void {
    const run = () => void dailyBackupIfDue(this.db, dataDir, Date.now()).catch(() => undefined);
    run();
    this.backupTimer = setInterval(run, 60 * 60 * 1000);
    this.backupTimer.unref();
  }

  close(): void {
    if (this.backupTimer) clearInterval(this.backupTimer);
    closeHistoryDatabase(this.db);
  }

  /** False once closed (quit): late work, such as a title arriving after it, must then do nothing. */
  get isOpen(): boolean {
    return this.db.open;
  }

  /** `live` gives an answer still streaming as it stands in memory (see StreamRecorder.live). */
  toHistoryMessage(row: MessageRow, live?: (id: number) => LiveAnswer | null): HistoryMessage {
    const now = live?.(row.id) ?? null;
    const message = toMessage(row, this.messages.siblingPosition(row), now?.streamId ?? null);
    if (now) {
      const { content, reasoning, streamed } = now;
      return { ...message, content, reasoning: reasoning || message.reasoning, streamed };
    }
    if (row.role === 'assistant') {
      const imageJob = this.imageJobs.get(row.id); // issue 14: an image answer
      return imageJob ? { ...message, imageJob } : message;
    }
    if (row.role !== 'user') return message;
    const attachments = this.attachments.forMessage(row.id);
    return attachments.length > 0 ? { ...message, attachments } : message;
  }

  /** The root-to-leaf path of the conversation's active branch ending at `leafId`. */
  activePath(leafId: number): MessageRow[] {
    return this.messages.pathUp(leafId, 0);
  }

  /**
   * A page of the active path, oldest first: the newest `limit` messages, those before `beforeId`,
   * or (after making its branch active) those around `focusMessageId`.
   */
  page(
    conversationId: number,
    options: PageOptions,
    live?: (id: number) => LiveAnswer | null,
  ): OpenedConversation | undefined {
    let conversation = this.conversations.row(conversationId);
    if (!conversation) return undefined;
    if (options.focusMessageId !== undefined) {
      const focus = this.messages.get(options.focusMessageId);
      if (focus && focus.conversation_id === conversationId) {
        this.activate(focus);
        conversation = this.conversations.row(conversationId)!;
      }
    }
    const leafId = conversation.current_leaf_id;
    const result = (rows: MessageRow[]): OpenedConversation => ({
      conversation: toConversation(conversation),
      messages: rows.map((r) => this.toHistoryMessage(r, live)),
      olderCount: rows[0]?.depth ?? 0,
    });
    if (leafId === null) return result([]);
    const leaf = this.messages.get(leafId)!;
    let top = leaf;
    if (options.focusMessageId !== undefined) {
      const focus = this.messages.get(options.focusMessageId);
      if (focus && focus.conversation_id === conversationId) {
        // Half a page after the focused message, if the path goes on that far.
        const end = Math.min(leaf.depth, focus.depth + Math.floor(options.limit / 2));
        top = end === leaf.depth ? leaf : this.messages.pathUp(leaf.id, end).find((r) => r.depth === end)!;
      }
    } else if (options.beforeId !== undefined) {
      const before = this.messages.get(options.beforeId);
      if (!before || before.conversation_id !== conversationId || before.parent_id === null)
        return result([]);
      top = this.messages.get(before.parent_id)!;
    }
    return result(this.messages.pathUp(top.id, Math.max(0, top.depth - options.limit + 1)));
  }

  /** Makes `message`'s branch active: its newest descendant becomes the leaf, unless already on the path. */
  activate(message: MessageRow): void {
    const conversation = this.conversations.row(message.conversation_id)!;
    if (conversation.current_leaf_id !== null) {
      const leaf = this.messages.get(conversation.current_leaf_id);
      if (leaf && leaf.depth >= message.depth) {
        const onPath = this.messages.pathUp(leaf.id, message.depth)[0];
        if (onPath?.id === message.id) return;
      }
    }
    this.conversations.setLeaf(message.conversation_id, this.messages.newestLeafUnder(message.id));
  }

  /** Deletes a message and its replies; the active path moves to the nearest remaining branch. */
  deleteMessage(message: MessageRow): void {
    const ids = this.messages.subtreeIds(message.id);
    this.db.transaction(() => {
      const conversation = this.conversations.row(message.conversation_id)!;
      const leafGone = conversation.current_leaf_id !== null && ids.includes(conversation.current_leaf_id);
      if (leafGone) this.conversations.setLeaf(message.conversation_id, null);
      this.messages.deleteIds(ids);
      if (leafGone) {
        const sibling = this.messages
          .siblings(message)
          .filter((m) => m.id !== message.id)
          .at(-1);
        const next = sibling ? this.messages.newestLeafUnder(sibling.id) : message.parent_id;
        this.conversations.setLeaf(message.conversation_id, next);
      }
    })();
    wipeFreedText(this.db);
    wipeFromBackups(path.dirname(this.file), { messageIds: ids });
  }
}
