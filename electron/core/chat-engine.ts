import type { ChatMessage, ChatParams } from '../contract';
import type { KeySource } from '../secrets/key-source';
import type { QwenClient, QwenClientFactory } from '../qwen/qwen-client';
import { fail } from './app-error';
import type { StreamManager } from './stream-manager';

export interface EngineRequest {
  model: string;
  messages: ChatMessage[];
  params?: ChatParams;
}

/**
 * The seam between "what to ask" and "asking Qwen": chat handlers, history (conversations, branches)
 * and later the quick-ask window all start answers through this, and get a stream id whose events
 * arrive on the event hub.
 */
export interface ChatEngine {
  /** Validates the request for its model, then starts streaming. Throws AppErrorException. */
  start(request: EngineRequest): Promise<string>;
  cancel(streamId: string): boolean;
}

export interface ChatEngineDeps {
  keySource: KeySource;
  createQwenClient: QwenClientFactory;
  getBaseURL: () => string;
  streams: StreamManager;
}

export function createChatEngine(deps: ChatEngineDeps): ChatEngine {
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
    async start({ model, messages, params }) {
      const client = await qwenClient();
      return deps.streams.start({ model, messages, client, ...(params ? { params } : {}) });
    },
    cancel: (streamId) => deps.streams.cancel(streamId),
  };
}
