import type { ChatMessage, ChatParams, ModelInfo } from '../contract';
import type { KeySource } from '../secrets/key-source';
import type { QwenClient, QwenClientFactory } from '../qwen/qwen-client';
import { firstWordsTitle } from '../history/first-words-title';
import { describeModel, mergeModelLists, priceListFor, TITLE_MODEL } from '../shared/models';
import { buildChatBody, type ChatBody } from '../shared/params';
import { markCache } from '../shared/cache-marks';
import { createNativeClient, nativeBaseURL } from '../qwen/native-client';
import { chooseProxy, proxyFetch } from '../qwen/proxy';
import {
  resolveEngineSettings,
  type EngineSettings,
  type ResolvedEngineSettings,
} from '../qwen/engine-settings';
import type { ErrorContext } from '../qwen/errors';
import { fail } from '../shared/app-error';
import type { Clock } from '../shared/clock';
import type { StreamManager } from './stream-manager';
import { replayClient } from './answer-cache';
import type { CachedAnswer } from '../history/answer-cache-table';

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
  /** Issue 14: a cached answer played as a stream (no request); its events arrive like any answer's. */
  replay(model: string, answer: CachedAnswer): string;
  /**
   * A short title for a conversation after its first answer. Never fails: falls back to the first
   * words of the question.
   */
  generateTitle(question: string, answer: string): Promise<string>;
  /** The catalog, merged with `GET {base}/models` when it answers. Never fails. */
  listModels(): Promise<ModelInfo[]>;
}

/** The title written when the model's cannot be had: the question's first words (first-words-title.ts). */
export function fallbackTitle(question: string): string {
  return firstWordsTitle(question) || 'New chat';
}

/** How long a title or a model list may take before we give up on it (it is never essential). */
export const TITLE_TIMEOUT_MS = 15_000;
export const MODEL_LIST_TIMEOUT_MS = 5_000;
export const MODEL_LIST_CACHE_MS = 10 * 60_000;

export interface ChatEngineDeps {
  keySource: KeySource;
  createQwenClient: QwenClientFactory;
  /** The base URL when no region is set: DASHSCOPE_BASE_URL or Singapore. */
  getBaseURL: () => string;
  streams: StreamManager;
  clock: Clock;
  /** Region, proxy, timeouts, retries (Settings); missing fields get defaults. */
  getEngineSettings?: () => Partial<EngineSettings> | undefined;
  /** HTTPS_PROXY / HTTP_PROXY / NO_PROXY; process.env unless a test gives its own. */
  env?: NodeJS.ProcessEnv;
  /** The DashScope native transport (issue 13); the real one unless a test gives its own. */
  createNativeClient?: QwenClientFactory;
}

export type Transport = 'compatible' | 'native';

export function createChatEngine(deps: ChatEngineDeps): ChatEngine {
  // One client per key + endpoint + proxy + timeout, so connections are reused between requests.
  const clients = new Map<string, QwenClient>();
  // The server's list per client (key + endpoint), so opening windows does not ask every time.
  const listCache = new WeakMap<QwenClient, { ids: string[]; at: number }>();

  function settings(): ResolvedEngineSettings {
    return resolveEngineSettings(deps.getEngineSettings?.(), deps.getBaseURL());
  }

  /** The native base: DASHSCOPE_NATIVE_BASE_URL, else the compatible base's host at `/api/v1`. */
  function nativeBase(s: ResolvedEngineSettings): string | null {
    const override = (deps.env ?? process.env).DASHSCOPE_NATIVE_BASE_URL?.trim();
    return override ? override.replace(/\/+$/, '') : nativeBaseURL(s.baseURL);
  }

  /**
   * Which transport a request takes: the setting, where Automatic means native when it gives the
   * user more (web search with sources and citations) and compatible otherwise. A base URL with no
   * native counterpart stays compatible.
   */
  function transportFor(
    s: ResolvedEngineSettings,
    body: ChatBody,
  ): { transport: Transport; baseURL: string } {
    const native = nativeBase(s);
    const wantsNative = s.protocol === 'native' || (s.protocol === 'auto' && body.enable_search === true);
    return native && wantsNative
      ? { transport: 'native', baseURL: native }
      : { transport: 'compatible', baseURL: s.baseURL };
  }

  async function qwenClient(
    s: ResolvedEngineSettings,
    transport: Transport = 'compatible',
    baseURL: string = s.baseURL,
  ): Promise<QwenClient> {
    const apiKey = await deps.keySource.getKey(baseURL); // only where it may go (key-routing.ts)
    if (!apiKey) {
      fail('no_api_key', 'key.none', {
        action: 'key.none.action',
      });
    }
    const proxy = chooseProxy(s.proxy, deps.env ?? process.env);
    const cacheKey = JSON.stringify([transport, apiKey, baseURL, proxy, s.connectTimeoutMs]);
    let client = clients.get(cacheKey);
    if (!client) {
      const fetch = proxyFetch(proxy);
      const factory =
        transport === 'native' ? (deps.createNativeClient ?? createNativeClient) : deps.createQwenClient;
      client = factory({
        apiKey,
        baseURL,
        timeoutMs: s.connectTimeoutMs,
        clock: deps.clock,
        ...(fetch ? { fetch } : {}),
      });
      if (clients.size > 8) clients.clear();
      clients.set(cacheKey, client);
    }
    return client;
  }

  const errorContext = (s: ResolvedEngineSettings, model: string, baseURL = s.baseURL): ErrorContext => {
    const proxy = chooseProxy(s.proxy, deps.env ?? process.env);
    return {
      model,
      // A custom address (or DASHSCOPE_BASE_URL elsewhere) is named by its host, not a region.
      ...(s.knownRegion ? { regionName: s.regionName } : {}),
      baseURL,
      proxy: (baseURL.startsWith('https:') ? proxy?.httpsProxy : proxy?.httpProxy) ?? null,
      connectTimeoutMs: s.connectTimeoutMs,
    };
  };

  return {
    async start({ model, messages, params }) {
      // Checked before the key is even read: a refused request never reaches the network.
      const info = describeModel(model);
      const body = buildChatBody(info, messages, params);
      const s = settings();
      // Explicit context cache (issue 13): the last block marked once the prompt is long enough.
      if (s.contextCache) markCache(body, info);
      const { transport, baseURL } = transportFor(s, body);
      const client = await qwenClient(s, transport, baseURL);
      return deps.streams.start({
        body,
        client,
        maxAttempts: s.maxRetries + 1,
        idleTimeoutMs: s.idleTimeoutMs,
        errorContext: errorContext(s, model, baseURL),
      });
    },

    cancel: (streamId) => deps.streams.cancel(streamId),

    replay: (model, answer) =>
      deps.streams.start({
        body: { model, messages: [], stream: true },
        client: replayClient(answer),
        maxAttempts: 1,
        idleTimeoutMs: 0,
        // Nothing is sent, so nothing can fail on the wire: the context is never shown.
        errorContext: { model, regionName: '', baseURL: '', connectTimeoutMs: 0 },
      }),

    async generateTitle(question, answer) {
      try {
        const client = await qwenClient(settings());
        // Non-streaming, so thinking must be off: DashScope refuses non-streaming calls with it on.
        const raw = await client.complete({
          body: {
            model: TITLE_MODEL,
            messages: [
              {
                role: 'system',
                content:
                  'Write a title of at most six words for the conversation below, in the language of the question. Reply with the title only: no quotes, no punctuation at the end.',
              },
              {
                role: 'user',
                content: `Question:\n${question.slice(0, 2000)}\n\nAnswer:\n${answer.slice(0, 2000)}`,
              },
            ],
            max_tokens: 32,
            temperature: 0.3,
            enable_thinking: false,
          },
          timeoutMs: TITLE_TIMEOUT_MS,
        });
        return cleanTitle(raw) ?? fallbackTitle(question);
      } catch {
        return fallbackTitle(question);
      }
    },

    async listModels() {
      const s = settings();
      let serverIds: string[] | null = null;
      try {
        const client = await qwenClient(s);
        const cached = listCache.get(client);
        if (cached && deps.clock.now() - cached.at < MODEL_LIST_CACHE_MS) {
          serverIds = cached.ids;
        } else {
          serverIds = await client.listModels(AbortSignal.timeout(MODEL_LIST_TIMEOUT_MS));
          listCache.set(client, { ids: serverIds, at: deps.clock.now() });
        }
      } catch {
        // No key, offline, or the endpoint is missing (it is undocumented): the catalog alone.
      }
      // Prices and what is offered follow the region the requests go to (Beijing: CNY).
      return mergeModelLists(serverIds, priceListFor(s.baseURL));
    },
  };
}

/** A model's title, tidied: one line, no quotes or "Title:" prefix, at most 60 characters. */
export function cleanTitle(raw: string): string | null {
  let title = raw
    .replace(/<think>[\s\S]*?<\/think>/g, '')
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.length > 0);
  if (!title) return null;
  title = title
    .replace(/^(title|标题)\s*[:：]\s*/i, '')
    .replace(/^["'“”‘’「『《*#\s]+|["'“”‘’」』》*\s.。!！]+$/g, '')
    .trim();
  if (!title) return null;
  return title.length > 60 ? `${title.slice(0, 59)}…` : title;
}
