/**
 * Chat window (issue 6): what a person can do to a message — regenerate, edit and resend, continue,
 * retry, delete — on the conversation held by the chat store. Each action that asks Qwen again
 * sends the conversation up to that point. Once the history helper's branches are merged, the
 * regenerate/edit paths become sibling branches instead of replacing the tail (see the report).
 */
import type { ChatMessage } from '../../../electron/contract';
import { qwen } from '../api/qwen';
import { updateMessage, useChatStore, type UiMessage } from './chat-store';

let actionId = 0;
const newId = () => `a${++actionId}`;

/** The request history made of `messages`: questions and every answer that produced text. */
export function requestHistory(messages: UiMessage[]): ChatMessage[] {
  return messages
    .filter((m) => m.role === 'user' || (m.status !== 'error' && m.status !== 'streaming' && m.content))
    .map((m) => ({ role: m.role, content: m.content }));
}

const isStreaming = () => useChatStore.getState().messages.some((m) => m.status === 'streaming');

async function startInto(assistantId: string, messages: ChatMessage[]): Promise<void> {
  const result = await qwen().invoke('chat.start', { model: useChatStore.getState().model, messages });
  updateMessage(assistantId, (m) =>
    result.ok ? { ...m, streamId: result.value.streamId } : { ...m, status: 'error', error: result.error },
  );
}

function indexOf(id: string): number {
  return useChatStore.getState().messages.findIndex((m) => m.id === id);
}

/** Asks again for the answer `id` (or the answer to question `id`): a fresh answer replaces it. */
export async function regenerate(id: string): Promise<void> {
  if (isStreaming()) return;
  const messages = useChatStore.getState().messages;
  let at = indexOf(id);
  if (at < 0) return;
  if (messages[at]!.role === 'user') at += 1;
  const before = messages.slice(0, at);
  if (before.at(-1)?.role !== 'user') return;
  const answer: UiMessage = { id: newId(), role: 'assistant', content: '', status: 'streaming' };
  useChatStore.setState({ messages: [...before, answer] });
  await startInto(answer.id, requestHistory(before));
}

/** After an error: the same as asking again. */
export const retry = regenerate;

/** Replaces question `id` with `text` and asks again from there. */
export async function editAndResend(id: string, text: string): Promise<void> {
  const question = text.trim();
  if (!question || isStreaming()) return;
  const at = indexOf(id);
  const messages = useChatStore.getState().messages;
  if (at < 0 || messages[at]!.role !== 'user') return;
  const edited: UiMessage = { ...messages[at]!, content: question };
  const answer: UiMessage = { id: newId(), role: 'assistant', content: '', status: 'streaming' };
  const before = [...messages.slice(0, at), edited];
  useChatStore.setState({ messages: [...before, answer] });
  await startInto(answer.id, requestHistory(before));
}

/** The instruction that makes Qwen pick up a cut answer where it stopped. */
export const CONTINUE_PROMPT =
  'Continue your previous answer exactly where it stopped. Do not repeat anything; do not add a preamble.';

/** Continues an interrupted, stopped or length-cut answer; the new text is appended to it. */
export async function continueAnswer(id: string): Promise<void> {
  if (isStreaming()) return;
  const at = indexOf(id);
  const messages = useChatStore.getState().messages;
  const target = messages[at];
  if (!target || target.role !== 'assistant' || !target.content) return;
  const history = [
    ...requestHistory(messages.slice(0, at)),
    { role: 'assistant' as const, content: target.content },
    { role: 'user' as const, content: CONTINUE_PROMPT },
  ];
  updateMessage(id, (m) => ({
    ...m,
    status: 'streaming',
    streamId: undefined,
    error: undefined,
    finishReason: null,
  }));
  await startInto(id, history);
}

export function canContinue(m: UiMessage): boolean {
  return (
    m.role === 'assistant' &&
    !!m.content &&
    (m.status === 'interrupted' ||
      m.status === 'stopped' ||
      (m.status === 'done' && m.finishReason === 'length'))
  );
}

/** Removes one message (stopping it first if it is still streaming). */
export async function deleteMessage(id: string): Promise<void> {
  const target = useChatStore.getState().messages.find((m) => m.id === id);
  if (!target) return;
  if (target.status === 'streaming' && target.streamId) {
    await qwen().invoke('chat.cancel', { streamId: target.streamId });
  }
  useChatStore.setState((s) => ({ messages: s.messages.filter((m) => m.id !== id) }));
}

/**
 * Starts an empty conversation (Ctrl/Cmd+N). The history helper's sidebar owns "New chat" and
 * conversations; after the merge this becomes its action.
 */
export async function newChat(): Promise<void> {
  await useChatStore.getState().stop();
  useChatStore.setState({ messages: [] });
}

/**
 * Branches (the "‹ 2/3 ›" navigator): the history helper owns siblings and registers how to switch
 * between them; the navigator only shows when a message has siblings.
 */
type SiblingSwitcher = (messageId: string, direction: -1 | 1) => void;
let siblingSwitcher: SiblingSwitcher | null = null;
export function registerSiblingSwitcher(fn: SiblingSwitcher | null): void {
  siblingSwitcher = fn;
}
export function switchSibling(messageId: string, direction: -1 | 1): void {
  siblingSwitcher?.(messageId, direction);
}
