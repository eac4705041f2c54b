import type Database from 'better-sqlite3';
import type { AppError, ChatParams, StreamStatus, Usage } from '../contract';
import { json, type MessageRow } from './rows';

export interface NewMessage {
  conversationId: number;
  parentId: number | null;
  role: 'system' | 'user' | 'assistant';
  content: string;
  model?: string | null;
  params?: ChatParams | null;
  status?: StreamStatus | null;
  now: number;
}

/** Queries on `messages`: the tree, the active path, streaming writes. */
export class MessagesTable {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly flushStmt;
  private readonly finishStmt;
  private readonly childrenStmt;
  private readonly siblingStatsStmt;
  private readonly rootStatsStmt;
  private readonly pathUpStmt;
  private readonly newestChildStmt;

  constructor(private readonly db: Database.Database) {
    this.insertStmt = db.prepare(
      `INSERT INTO messages (conversation_id, parent_id, depth, role, content, model, params, status,
                             created_at, updated_at)
       VALUES (@conversationId, @parentId,
               coalesce((SELECT depth + 1 FROM messages WHERE id = @parentId), 0),
               @role, @content, @model, @params, @status, @now, @now)`,
    );
    this.getStmt = db.prepare<[number], MessageRow>('SELECT * FROM messages WHERE id = ?');
    this.flushStmt = db.prepare<[string, string | null, number, number]>(
      `UPDATE messages SET content = ?, reasoning = ?, updated_at = ? WHERE id = ? AND status = 'streaming'`,
    );
    this.finishStmt = db.prepare(
      `UPDATE messages SET content = @content, reasoning = @reasoning, status = @status, error = @error,
              usage = @usage, finish_reason = @finishReason, updated_at = @now WHERE id = @id`,
    );
    this.childrenStmt = db.prepare<[number], MessageRow>(
      'SELECT * FROM messages WHERE parent_id = ? ORDER BY id',
    );
    // Replies to a message are found through the (parent_id, id) index; roots by conversation.
    this.siblingStatsStmt = db.prepare<{ p: number; id: number }, { idx: number; n: number }>(
      `SELECT (SELECT count(*) FROM messages INDEXED BY messages_children WHERE parent_id = @p AND id < @id) AS idx,
              (SELECT count(*) FROM messages INDEXED BY messages_children WHERE parent_id = @p) AS n`,
    );
    this.rootStatsStmt = db.prepare<{ c: number; id: number }, { idx: number; n: number }>(
      `SELECT (SELECT count(*) FROM messages WHERE conversation_id = @c AND parent_id IS NULL AND id < @id) AS idx,
              (SELECT count(*) FROM messages WHERE conversation_id = @c AND parent_id IS NULL) AS n`,
    );
    // Walks up from a message, stopping at `minDepth`: a page costs as many lookups as it holds.
    // CROSS JOIN pins the join order (the CTE drives), which the planner may otherwise flip into a scan.
    this.pathUpStmt = db.prepare<{ id: number; minDepth: number }, MessageRow>(
      `WITH RECURSIVE up(id) AS (
         SELECT id FROM messages WHERE id = @id
         UNION ALL
         SELECT m.parent_id FROM up CROSS JOIN messages m ON m.id = up.id
         WHERE m.parent_id IS NOT NULL AND m.depth > @minDepth
       )
       SELECT m.* FROM up CROSS JOIN messages m ON m.id = up.id ORDER BY m.depth`,
    );
    this.newestChildStmt = db.prepare<[number], { id: number }>(
      'SELECT id FROM messages WHERE parent_id = ? ORDER BY id DESC LIMIT 1',
    );
  }

  insert(m: NewMessage): number {
    return Number(
      this.insertStmt.run({
        conversationId: m.conversationId,
        parentId: m.parentId,
        role: m.role,
        content: m.content,
        model: m.model ?? null,
        params: json(m.params ?? null),
        status: m.status ?? null,
        now: m.now,
      }).lastInsertRowid,
    );
  }

  get(id: number): MessageRow | undefined {
    return this.getStmt.get(id);
  }

  /** Writes the text so far of a streaming answer. */
  flush(id: number, content: string, reasoning: string | null, now: number): void {
    this.flushStmt.run(content, reasoning, now, id);
  }

  /** A finished answer streams again (Continue): its text stays, the rest is written at the end. */
  resume(id: number, now: number): void {
    this.db
      .prepare(
        `UPDATE messages SET status = 'streaming', error = NULL, finish_reason = NULL, updated_at = ? WHERE id = ?`,
      )
      .run(now, id);
  }

  finish(
    id: number,
    end: {
      content: string;
      reasoning: string | null;
      status: StreamStatus;
      error?: AppError | null;
      usage?: Usage | null;
      finishReason?: string | null;
      now: number;
    },
  ): void {
    this.finishStmt.run({
      id,
      content: end.content,
      reasoning: end.reasoning,
      status: end.status,
      error: json(end.error ?? null),
      usage: json(end.usage ?? null),
      finishReason: end.finishReason ?? null,
      now: end.now,
    });
  }

  children(id: number): MessageRow[] {
    return this.childrenStmt.all(id);
  }

  /** The messages sharing this one's parent (itself included), oldest first. */
  siblings(row: MessageRow): MessageRow[] {
    return row.parent_id === null
      ? this.db
          .prepare<[number], MessageRow>(
            'SELECT * FROM messages WHERE conversation_id = ? AND parent_id IS NULL ORDER BY id',
          )
          .all(row.conversation_id)
      : this.children(row.parent_id);
  }

  siblingPosition(row: MessageRow): { index: number; count: number } {
    const r =
      row.parent_id === null
        ? this.rootStatsStmt.get({ c: row.conversation_id, id: row.id })!
        : this.siblingStatsStmt.get({ p: row.parent_id, id: row.id })!;
    return { index: r.idx, count: r.n };
  }

  /** The path from the message up to depth `minDepth` (0 = the root), oldest first. */
  pathUp(id: number, minDepth = 0): MessageRow[] {
    return this.pathUpStmt.all({ id, minDepth });
  }

  /** Follows the newest child from `id` down to a leaf: where a switched-to branch continues. */
  newestLeafUnder(id: number): number {
    let leaf = id;
    for (;;) {
      const child = this.newestChildStmt.get(leaf);
      if (!child) return leaf;
      leaf = child.id;
    }
  }

  /** The message and everything under it. */
  subtreeIds(id: number): number[] {
    return this.db
      .prepare<[number], { id: number }>(
        `WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT m.id FROM messages m JOIN sub ON m.parent_id = sub.id)
         SELECT id FROM sub`,
      )
      .all(id)
      .map((r) => r.id);
  }

  deleteIds(ids: number[]): void {
    // Children before parents, so the parent_id foreign key holds after every statement.
    const stmt = this.db.prepare('DELETE FROM messages WHERE id = ?');
    for (const id of [...ids].reverse()) stmt.run(id);
  }

  /** At start-up: answers still marked streaming were cut off by a crash; their text is kept. */
  markInterrupted(now: number): number {
    return this.db
      .prepare(`UPDATE messages SET status = 'interrupted', updated_at = ? WHERE status = 'streaming'`)
      .run(now).changes;
  }
}
