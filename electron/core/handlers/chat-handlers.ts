import type { KeySource } from '../../secrets/key-source';
import type { QwenClient, QwenClientFactory } from '../../qwen/qwen-client';
import { builtInModels, DEFAULT_MODEL } from '../../qwen/models';
import { fail } from '../app-error';
import type { StreamManager } from '../stream-manager';
import type { HandlerGroup } from './types';

export interface ChatHandlerDeps {
  keySource: KeySource;
  createQwenClient: QwenClientFactory;
  getBaseURL: () => string;
  streams: StreamManager;
}

export function createChatHandlers(
  deps: ChatHandlerDeps,
): HandlerGroup<'chat.start' | 'chat.cancel' | 'models.list'> {
  async function qwenClient(): Promise<QwenClient> {
    const apiKey = await deps.keySource.getKey();
    if (!apiKey) {
      fail('no_api_key', 'No API key is set.', {
        action: 'Set DASHSCOPE_API_KEY, or add your key in Settings.',
      });
    }
    return deps.createQwenClient({ apiKey, baseURL: deps.getBaseURL() });
  }

  return {
    'chat.start': async ({ model, messages }) => {
      const client = await qwenClient();
      return { streamId: deps.streams.start({ model, messages, client }) };
    },
    'chat.cancel': async ({ streamId }) => ({ cancelled: deps.streams.cancel(streamId) }),
    'models.list': async () => ({ models: builtInModels, defaultModel: DEFAULT_MODEL }),
  };
}
