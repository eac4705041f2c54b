import type {
  AppError,
  ChatParams,
  ConversationSummary,
  HistoryMessage,
  StreamStatus,
  Usage,
} from '../contract';
import { firstWordsTitle } from './first-words-title';

/** Row shapes as SQLite returns them, and their mapping to the contract's shapes. */
export interface ConversationRow {
  id: number;
  title: string | null;
  created_at: number;
  updated_at: number;
  pinned: number;
  model: string | null;
  params: string | null;
  system_prompt: string | null;
  current_leaf_id: number | null;
  /** Issue 11: 'quick' when it began in the quick-ask window (migration 005). */
  origin?: 'quick' | null;
  /** Only in reads that ask for it (conversations-table.ts): the first question's start. */
  first_question?: string | null;
}

export interface MessageRow {
  id: number;
  conversation_id: number;
  parent_id: number | null;
  depth: number;
  role: 'system' | 'user' | 'assistant';
  content: string;
  reasoning: string | null;
  model: string | null;
  params: string | null;
  status: StreamStatus | null;
  error: string | null;
  usage: string | null;
  finish_reason: string | null;
  created_at: number;
  updated_at: number;
}

export const json = (value: unknown): string | null => (value == null ? null : JSON.stringify(value));

function parse<T>(text: string | null): T | null {
  if (text == null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export function toConversation(row: ConversationRow): ConversationSummary {
  return {
    id: row.id,
    // Untitled (the model's title not there yet, or never): the first question's first words.
    title: row.title ?? (row.first_question ? firstWordsTitle(row.first_question) || null : null),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    pinned: row.pinned === 1,
    model: row.model,
    params: parse<ChatParams>(row.params),
    systemPrompt: row.system_prompt,
    quick: row.origin === 'quick',
  };
}

export function toMessage(
  row: MessageRow,
  siblings: { index: number; count: number },
  streamId: string | null = null,
): HistoryMessage {
  return {
    id: row.id,
    conversationId: row.conversation_id,
    parentId: row.parent_id,
    role: row.role,
    content: row.content,
    reasoning: row.reasoning,
    model: row.model,
    params: parse<ChatParams>(row.params),
    status: row.status,
    error: parse<AppError>(row.error),
    usage: parse<Usage>(row.usage),
    finishReason: row.finish_reason,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    siblingIndex: siblings.index,
    siblingCount: siblings.count,
    streamId,
  };
}
