/**
 * Chat window (issue 6): what a person can do to a message — regenerate, edit and resend, continue,
 * retry, delete, switch versions. Regenerate and edit create sibling branches in the history (the
 * chat store's actions); the rest are here.
 */
import type { ChatMessage } from '../../../electron/contract';
import { qwen } from '../api/qwen';
import { toUiMessage, updateMessage, useChatStore, type UiMessage } from './chat-store';

/** The request history made of `messages`: questions and every answer that produced text. */
export function requestHistory(messages: UiMessage[]): ChatMessage[] {
  return messages
    .filter((m) => m.role === 'user' || (m.status !== 'error' && m.status !== 'streaming' && m.content))
    .map((m) => ({ role: m.role, content: m.content }));
}

const isStreaming = () => useChatStore.getState().messages.some((m) => m.status === 'streaming');

/** Saved messages have the history's numeric ids; a question that never reached it has a local one. */
const isSaved = (id: string) => /^\d+$/.test(id);

async function startInto(assistantId: string, messages: ChatMessage[]): Promise<void> {
  const result = await qwen().invoke('chat.start', { model: useChatStore.getState().model, messages });
  updateMessage(assistantId, (m) =>
    result.ok ? { ...m, streamId: result.value.streamId } : { ...m, status: 'error', error: result.error },
  );
}

function indexOf(id: string): number {
  return useChatStore.getState().messages.findIndex((m) => m.id === id);
}

/** Asks again for answer `id`: a new sibling answer (the old one stays reachable with ‹ ›). */
export async function regenerate(id: string): Promise<void> {
  if (isStreaming()) return;
  await useChatStore.getState().regenerate(id);
}

/**
 * After an error: ask again. A failed answer the history saved gets a new sibling; one that never
 * reached the history (the question itself was refused) is sent again as a question.
 */
export async function retry(id: string): Promise<void> {
  if (isStreaming()) return;
  if (isSaved(id)) return regenerate(id);
  const messages = useChatStore.getState().messages;
  const at = indexOf(id);
  const question = messages[at - 1];
  if (at < 0 || question?.role !== 'user') return;
  useChatStore.setState({ messages: messages.slice(0, at - 1) });
  await useChatStore.getState().send(question.content);
}

/** Replaces question `id` with `text` as a new sibling, and asks again from there. */
export async function editAndResend(id: string, text: string): Promise<void> {
  if (!text.trim() || isStreaming()) return;
  await useChatStore.getState().editAndResend(id, text);
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

/** Deletes one message from the history (stopping it first if it is still streaming). */
export async function deleteMessage(id: string): Promise<void> {
  const target = useChatStore.getState().messages.find((m) => m.id === id);
  if (!target) return;
  if (target.status === 'streaming' && target.streamId) {
    await qwen().invoke('chat.cancel', { streamId: target.streamId });
  }
  if (!isSaved(id)) {
    useChatStore.setState((s) => ({ messages: s.messages.filter((m) => m.id !== id) }));
    return;
  }
  const result = await qwen().invoke('history.message.delete', { messageId: Number(id) });
  if (!result.ok) {
    updateMessage(id, (m) => ({ ...m, error: result.error }));
    return;
  }
  useChatStore.setState({
    messages: result.value.messages.filter((m) => m.role !== 'system').map(toUiMessage),
    olderCount: result.value.olderCount,
  });
}

/** Starts an empty conversation (Ctrl/Cmd+N), as the sidebar's "New chat" does. */
export async function newChat(): Promise<void> {
  await useChatStore.getState().stop();
  useChatStore.getState().newChat();
}

/** The "‹ 2/3 ›" navigator: shows the previous or next version of message `id`. */
export async function switchSibling(id: string, direction: -1 | 1): Promise<void> {
  if (isStreaming() || !isSaved(id)) return;
  const result = await qwen().invoke('history.siblings', { messageId: Number(id) });
  if (!result.ok) return;
  const siblings = result.value.messages;
  const at = siblings.findIndex((m) => String(m.id) === id);
  const target = siblings[at + direction];
  if (at < 0 || !target) return;
  await useChatStore.getState().switchBranch(String(target.id));
}
