import type { HistoryStore } from '../../history/history-store';
import { fail } from '../../shared/app-error';
import type { ConversationService } from '../conversation-service';
import type { HandlerGroup } from './types';

/**
 * Conversation controls (issue 6): the model and parameters kept per conversation. Without a
 * history database there is nothing to keep them in, and the channel says so.
 */
export function createControlsHandlers(
  parts: { store: HistoryStore; service: ConversationService } | null,
): HandlerGroup<'conversation.settings.update'> {
  return {
    'conversation.settings.update': async ({ conversationId, model, params }) => {
      if (!parts) fail('internal', 'history.unavailable');
      if (!parts.store.conversations.setSettings(conversationId, model, params))
        fail('not_found', 'history.noConversation');
      parts.service.emitUpdated(conversationId);
      return parts.store.conversations.get(conversationId)!;
    },
  };
}
