/**
 * Chat window (issue 6): what a person can do to a message — regenerate, edit and resend, continue,
 * retry, delete, switch versions. Regenerate and edit create sibling branches in the history (the
 * chat store's actions); the rest are here.
 */
import { qwen } from '../api/qwen';
import type { MessageKey } from '../i18n';
import { flushPendingDelete, usePendingDelete } from './pending-delete-store';
import { holdIfSensitive } from './sensitive-check';
import { isTranslationModel } from '../../../electron/shared/translation';
import {
  followContinuedStream,
  outgoingOf,
  toUiMessage,
  updateMessage,
  useChatStore,
  type UiMessage,
} from './chat-store';

const isStreaming = () => useChatStore.getState().messages.some((m) => m.status === 'streaming');

/** Saved messages have the history's numeric ids; a question that never reached it has a local one. */
const isSaved = (id: string) => /^\d+$/.test(id);

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
  // Issue 10: with the images it carried (they never reached the history).
  await useChatStore.getState().send(question.content, outgoingOf(question.id));
}

/**
 * Replaces question `id` with `text` as a new sibling, and asks again from there (keeping the
 * attachments at `keepAttachments`). False when the edit was held by the sensitive-content check
 * (the composer keeps it).
 */
export async function editAndResend(
  id: string,
  text: string,
  keepAttachments?: number[],
  options: { allowSensitive?: boolean } = {},
): Promise<boolean> {
  if (!text.trim() || isStreaming()) return true;
  if (!options.allowSensitive && (await holdIfSensitive(text.trim(), id, keepAttachments))) return false;
  await useChatStore.getState().editAndResend(id, text, keepAttachments);
  return true;
}

/**
 * Continues an interrupted, stopped or length-cut answer in place (`history.continue`): the new
 * text is appended to the same message and saved with it.
 */
export async function continueAnswer(id: string): Promise<void> {
  if (isStreaming() || !isSaved(id)) return;
  await flushPendingDelete();
  const target = useChatStore.getState().messages.find((m) => m.id === id);
  if (!target || !canContinue(target)) return;
  const before = target;
  updateMessage(id, (m) => ({
    ...m,
    status: 'streaming',
    streamId: undefined,
    error: undefined,
    finishReason: null,
  }));
  const result = await qwen().invoke('history.continue', {
    messageId: Number(id),
    model: useChatStore.getState().model,
  });
  if (result.ok && result.value.streamId) followContinuedStream(id, result.value.streamId);
  else {
    // Not started: the answer is as it was, with the reason shown on it.
    const error = result.ok ? result.value.error : result.error;
    updateMessage(id, (m) => ({ ...before, ...(error ? { error } : {}), id: m.id }));
  }
}

export function canContinue(m: UiMessage): boolean {
  return (
    m.role === 'assistant' &&
    !!m.content &&
    // Issue 14: Qwen-MT takes one text and nothing else, so a cut translation is translated again.
    !isTranslationModel(m.model ?? '') &&
    (m.status === 'interrupted' ||
      m.status === 'stopped' ||
      m.status === 'error' || // a continuation that failed keeps the text it had
      (m.status === 'done' && m.finishReason === 'length'))
  );
}

/**
 * Deletes message `id` and what follows it on this branch (the history deletes the subtree): hidden
 * at once, deleted when the undo time is up (pending-delete-store.ts). A message still streaming is
 * stopped first; one that never reached the history just goes.
 */
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
  await flushPendingDelete();
  const { messages, conversationId } = useChatStore.getState();
  const at = indexOf(id);
  if (at < 0) return;
  const removed = messages.slice(at);
  useChatStore.setState({ messages: messages.slice(0, at) });
  const isOpen = () => useChatStore.getState().conversationId === conversationId;
  await usePendingDelete.getState().schedule({
    label:
      removed.length === 1
        ? { key: 'undo.deletedMessage' }
        : { key: 'undo.deletedMessages', params: { count: removed.length } },
    restore() {
      if (isOpen()) useChatStore.setState((s) => ({ messages: [...s.messages, ...removed] }));
    },
    async commit() {
      const result = await qwen().invoke('history.message.delete', { messageId: Number(id) });
      if (!isOpen() || isStreaming()) return;
      if (!result.ok) {
        // Not deleted: shown again, with the reason on it.
        useChatStore.setState((s) => ({ messages: [...s.messages, ...removed] }));
        updateMessage(id, (m) => ({ ...m, error: result.error }));
        return;
      }
      useChatStore.setState({
        messages: result.value.messages.filter((m) => m.role !== 'system').map(toUiMessage),
        olderCount: result.value.olderCount,
      });
    },
  });
}

/**
 * The Delete button's name says what will go: "Delete this question and its 5 replies". `after`:
 * how many messages follow it in the list (its branch).
 */
export function deleteLabel(
  isQuestion: boolean,
  after: number,
): { key: MessageKey; params: { count: number } } {
  const key: MessageKey = isQuestion
    ? after === 0
      ? 'actions.deleteQuestion'
      : after === 1
        ? 'actions.deleteQuestionAndReply'
        : 'actions.deleteQuestionAndReplies'
    : after === 0
      ? 'actions.deleteAnswer'
      : 'actions.deleteAnswerAndMore';
  return { key, params: { count: after } };
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
