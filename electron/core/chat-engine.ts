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
  /**
   * A short title for a conversation after its first answer. Never fails: falls back to the first
   * words of the question.
   */
  generateTitle(question: string, answer: string): Promise<string>;
}

/** The fallback title: the question's first words, on one line, at most 40 characters. */
export function fallbackTitle(question: string): string {
  const line = question.replace(/\s+/g, ' ').trim();
  if (line.length <= 40) return line || 'New chat';
  const cut = line.slice(0, 40);
  const space = cut.lastIndexOf(' ');
  return `${space > 20 ? cut.slice(0, space) : cut}…`;
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
    // The engine issue replaces this with a call to a cheap model (thinking off), keeping the fallback.
    generateTitle: async (question) => fallbackTitle(question),
  };
}
