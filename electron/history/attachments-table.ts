import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AttachmentView } from '../contract';

/** One attachment checked and ready to store (electron/attachments/validate.ts). */
export interface StoredAttachmentInput {
  kind: 'image' | 'text';
  fileName: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  data: Buffer;
}

interface AttachmentRow {
  id: number;
  message_id: number;
  kind: 'image' | 'text';
  file_name: string;
  sha256: string;
  mime_type: string;
  byte_size: number;
  width: number | null;
  height: number | null;
}

const VIEW_COLUMNS = `a.id, a.message_id, a.kind, a.file_name, a.sha256, b.mime_type, b.byte_size, b.width, b.height`;

const toView = (r: AttachmentRow): AttachmentView => ({
  id: r.id,
  kind: r.kind,
  fileName: r.file_name,
  mimeType: r.mime_type,
  width: r.width,
  height: r.height,
  byteSize: r.byte_size,
  sha256: r.sha256,
});

export const sha256Hex = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');

/**
 * Attachments of messages (migration 004): bytes stored once per SHA-256 in `attachment_blobs`,
 * referenced in order by each message that carries them. The release trigger drops a blob with its
 * last reference.
 */
export class AttachmentsTable {
  constructor(private readonly db: Database.Database) {}

  /** Adds `items` to a message, in order. Call inside the transaction that writes the message. */
  add(messageId: number, items: StoredAttachmentInput[], now: number): void {
    const blob = this.db.prepare(
      `INSERT INTO attachment_blobs (sha256, mime_type, byte_size, width, height, data)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING`,
    );
    const ref = this.db.prepare(
      `INSERT INTO attachments (message_id, position, kind, file_name, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    items.forEach((item, position) => {
      const sha = sha256Hex(item.data);
      blob.run(sha, item.mimeType, item.data.length, item.width, item.height, item.data);
      ref.run(messageId, position, item.kind, item.fileName, sha, now);
    });
  }

  /**
   * Copies some of one message's attachments to another (an edited question keeps its images):
   * those at the positions in `keep`, or all. Positions, not ids, so a window that has not reloaded
   * the question since sending it names them the same way.
   */
  copy(fromMessageId: number, toMessageId: number, keep: readonly number[] | undefined, now: number): void {
    const rows = this.forMessage(fromMessageId).filter((_, i) => !keep || keep.includes(i));
    const ref = this.db.prepare(
      `INSERT INTO attachments (message_id, position, kind, file_name, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    rows.forEach((a, position) => ref.run(toMessageId, position, a.kind, a.fileName, a.sha256, now));
  }

  forMessage(messageId: number): AttachmentView[] {
    return this.db
      .prepare<[number], AttachmentRow>(
        `SELECT ${VIEW_COLUMNS} FROM attachments a JOIN attachment_blobs b ON b.sha256 = a.sha256
         WHERE a.message_id = ? ORDER BY a.position`,
      )
      .all(messageId)
      .map(toView);
  }

  /** The attachments of many messages at once (a page of history), by message id. */
  forMessages(messageIds: readonly number[]): Map<number, AttachmentView[]> {
    const out = new Map<number, AttachmentView[]>();
    if (messageIds.length === 0) return out;
    const rows = this.db
      .prepare<[string], AttachmentRow>(
        `SELECT ${VIEW_COLUMNS} FROM attachments a JOIN attachment_blobs b ON b.sha256 = a.sha256
         WHERE a.message_id IN (SELECT value FROM json_each(?)) ORDER BY a.message_id, a.position`,
      )
      .all(JSON.stringify(messageIds));
    for (const r of rows) {
      const list = out.get(r.message_id) ?? [];
      list.push(toView(r));
      out.set(r.message_id, list);
    }
    return out;
  }

  /** The stored bytes for a hash, or null. Only hashes some message references exist. */
  blob(sha256: string): { mimeType: string; data: Buffer } | null {
    if (!/^[0-9a-f]{64}$/.test(sha256)) return null;
    const row = this.db
      .prepare<[string], { mime_type: string; data: Buffer }>(
        'SELECT mime_type, data FROM attachment_blobs WHERE sha256 = ?',
      )
      .get(sha256);
    return row ? { mimeType: row.mime_type, data: row.data } : null;
  }
}
