import type { ChannelName, HistoryNotice } from '../../contract';
import { exportJson, exportMarkdown, historyExportSchema, importJson } from '../../history/export-import';
import type { HistoryStore } from '../../history/history-store';
import { fail } from '../../shared/app-error';
import { isMainTextKey } from '../../shared/main-text';
import type { ConversationService } from '../conversation-service';
import type { StreamRecorder } from '../stream-recorder';
import type { HandlerGroup } from './types';

type HistoryChannel = Extract<ChannelName, `history.${string}`>;

export interface HistoryParts {
  store: HistoryStore;
  service: ConversationService;
  recorder: StreamRecorder;
}

/**
 * The history channels. `parts` is null when no database could be opened (e.g. one written by a
 * newer version): every channel then answers with that reason, and `history.notices` carries it.
 */
export function createHistoryHandlers(
  parts: HistoryParts | null,
  unavailable: HistoryNotice | null,
): HandlerGroup<HistoryChannel> {
  const need = (): HistoryParts =>
    parts ??
    (unavailable && isMainTextKey(unavailable.key)
      ? fail('internal', unavailable.key, unavailable.params ? { params: unavailable.params } : {})
      : fail('internal', 'history.unavailable'));
  const page = (
    conversationId: number,
    options: { limit: number; beforeId?: number; focusMessageId?: number },
  ) => {
    const { store, recorder } = need();
    return (
      store.page(conversationId, options, (id) => recorder.live(id)) ??
      fail('not_found', 'history.noConversation')
    );
  };
  const summary = (id: number) =>
    need().store.conversations.get(id) ?? fail('not_found', 'history.noConversation');
  const stamp = () => new Date().toISOString().slice(0, 10);

  return {
    'history.send': async (arg) => need().service.send(arg),
    'history.regenerate': async (arg) => need().service.regenerate(arg),
    'history.edit': async (arg) => need().service.editAndResend(arg),
    'history.continue': async (arg) => need().service.continueAnswer(arg),
    'history.siblings': async ({ messageId }) => {
      const { store, service, recorder } = need();
      const live = (id: number) => recorder.live(id);
      return {
        messages: store.messages
          .siblings(service.message(messageId))
          .map((r) => store.toHistoryMessage(r, live)),
      };
    },
    'history.branch.switch': async ({ messageId }) => {
      const { store, service } = need();
      const message = service.message(messageId);
      store.activate(message);
      return page(message.conversation_id, { limit: 200 });
    },
    'history.message.delete': async ({ messageId }) => {
      const { store, service } = need();
      const message = service.message(messageId);
      // Its streams (and those of the answers under it) stop first: nothing more billed or written.
      const doomed = new Set(store.messages.subtreeIds(message.id));
      service.cancelStreams((row) => doomed.has(row.id));
      store.deleteMessage(message);
      return page(message.conversation_id, { limit: 200 });
    },
    'history.list': async ({ offset, limit }) => need().store.conversations.list(offset ?? 0, limit ?? 100),
    'history.open': async ({ conversationId, limit, beforeId, focusMessageId }) =>
      page(conversationId, {
        limit: limit ?? 200,
        ...(beforeId !== undefined ? { beforeId } : {}),
        ...(focusMessageId !== undefined ? { focusMessageId } : {}),
      }),
    'history.rename': async ({ conversationId, title }) => {
      need().store.conversations.rename(conversationId, title);
      need().service.emitUpdated(conversationId);
      return summary(conversationId);
    },
    'history.pin': async ({ conversationId, pinned }) => {
      need().store.conversations.setPinned(conversationId, pinned);
      need().service.emitUpdated(conversationId);
      return summary(conversationId);
    },
    'history.delete': async ({ conversationId }) => {
      const { store, service } = need();
      service.cancelStreams((row) => row.conversation_id === conversationId);
      return { deleted: store.conversations.delete(conversationId) };
    },
    'history.export': async ({ conversationId, format }) => {
      const { store } = need();
      if (conversationId !== undefined) summary(conversationId);
      const name =
        conversationId !== undefined
          ? `qwen-desk-conversation-${conversationId}`
          : `qwen-desk-history-${stamp()}`;
      return format === 'json'
        ? { fileName: `${name}.json`, text: JSON.stringify(exportJson(store, conversationId), null, 2) }
        : { fileName: `${name}.md`, text: exportMarkdown(store, conversationId) };
    },
    'history.import': async ({ text }) => {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch {
        fail('invalid_argument', 'import.notJson');
      }
      const parsed = historyExportSchema.safeParse(data);
      if (!parsed.success)
        fail('invalid_argument', 'import.notExport', {
          detail: parsed.error.message,
        });
      try {
        return importJson(need().store, parsed.data);
      } catch (err) {
        fail('invalid_argument', 'import.damaged', { detail: String(err) });
      }
    },
    'history.search': async ({ query, limit }) => ({ hits: need().store.search.search(query, limit ?? 50) }),
    'history.notices': async () => ({
      notices: parts ? parts.store.notices : unavailable ? [unavailable] : [],
    }),
  };
}
