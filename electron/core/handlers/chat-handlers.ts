import { DEFAULT_MODEL } from '../../shared/models';
import type { ChatEngine } from '../chat-engine';
import type { HandlerGroup } from './types';

export function createChatHandlers(
  engine: ChatEngine,
): HandlerGroup<'chat.start' | 'chat.cancel' | 'models.list'> {
  return {
    'chat.start': async ({ model, messages, params }) => ({
      streamId: await engine.start({ model, messages, ...(params ? { params } : {}) }),
    }),
    'chat.cancel': async ({ streamId }) => ({ cancelled: engine.cancel(streamId) }),
    'models.list': async () => ({ models: await engine.listModels(), defaultModel: DEFAULT_MODEL }),
  };
}
