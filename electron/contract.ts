/**
 * The IPC contract: every channel the renderer may call and every event it may receive.
 *
 * The preload exposes exactly this as `window.qwen` (Electron), and the browser-mode bridge
 * implements the same interface over a WebSocket. Main-side handlers parse every argument with the
 * schema declared here before any work is done, and answer with a `Result`, never a thrown error,
 * so the UI always gets something it can show.
 *
 * This file is shared by the main process and the renderer: it must not import Node or Electron.
 */
import { said } from './shared/main-text';
import { z } from 'zod';
import { regionIds } from './qwen/regions';
import type { SensitiveFinding } from './shared/sensitive-content';
import { isHttpUrlOrEmpty, isWorkspaceIdOrEmpty, MAX_SETTING_URL } from './shared/setting-values';
import {
  MAX_IMAGE_BYTES,
  MAX_MESSAGE_IMAGE_CHARS,
  MAX_IMAGES,
  MAX_TEXT_FILES,
  MAX_TEXT_FILE_CHARS,
} from './shared/vision';

/** Longest text accepted in one message (characters). A huge paste beyond this gets a clear message. */
export const MAX_MESSAGE_CHARS = 1_000_000;
/** Most messages in one request (a whole conversation path). */
export const MAX_MESSAGES = 10_000;
/**
 * Largest history import (a JSON export), in bytes: the page checks the file's size before reading
 * it, browser mode's upload route stops reading past it, and `history.import`'s schema caps the text
 * (in characters, never more than its UTF-8 bytes). A type too, so the renderer, which imports only
 * types from here, is checked against the same figure.
 */
export type MaxImportBytes = 200_000_000;
export const MAX_IMPORT_BYTES: MaxImportBytes = 200_000_000;

// ---------------------------------------------------------------------------------------------
// Shared shapes
// ---------------------------------------------------------------------------------------------

export const errorCodes = [
  'invalid_argument',
  'untrusted_sender',
  'no_api_key',
  'auth',
  'model_not_found',
  'rate_limit',
  'quota',
  'arrears',
  'moderation',
  'bad_request',
  'too_large',
  'server',
  'network',
  'timeout',
  'not_found',
  'internal',
  // Engine (issue 3): a 403 from DashScope, a TLS failure, a proxy that refused or failed.
  'access_denied',
  'tls',
  'proxy',
  // Hardening (issue 9): a key held back from a host its owner has not confirmed; plain http.
  'key_host_unconfirmed',
  'insecure_url',
  // Quick ask (issue 11): the global shortcut is held by another app (register() refused it).
  'shortcut_taken',
  // Images (issue 14): a result link that expired before it was downloaded; a result that was not an image.
  'result_expired',
  'bad_image',
  'image_interrupted',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** A failure as the UI shows it: a category, a human sentence and, where useful, what to do next. */
export const appErrorSchema = z.object({
  code: z.enum(errorCodes),
  /** English; the UI says `key` (electron/shared/main-text.ts) with `params` in its own language. */
  message: z.string(),
  action: z.string().optional(),
  key: z.string().optional(),
  actionKey: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** The server's own words, when it said something (shown under the human message). */
  detail: z.string().optional(),
  httpStatus: z.number().int().optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

const textPartSchema = z.object({ type: z.literal('text'), text: z.string().max(MAX_MESSAGE_CHARS) });
/** Room for images (Qwen-VL): a data: URL or https URL, as the compatible API takes them. */
const imagePartSchema = z.object({
  type: z.literal('image_url'),
  // Images (issue 10): `max_pixels` goes next to the URL in compatible mode (2026 reference §3.2).
  image_url: z.object({
    url: z.string().max(30_000_000),
    max_pixels: z.number().int().positive().optional(),
  }),
});

export const chatMessageSchema = z.object({
  role: z.enum(['system', 'user', 'assistant']),
  content: z.union([
    z.string().max(MAX_MESSAGE_CHARS, {
      message: said('request.messageTooLong', { max: MAX_MESSAGE_CHARS.toLocaleString('en-US') }),
    }),
    z
      .array(z.discriminatedUnion('type', [textPartSchema, imagePartSchema]))
      .min(1)
      .max(64),
  ]),
});
export type ChatMessage = z.infer<typeof chatMessageSchema>;

export const usageSchema = z.object({
  promptTokens: z.number().int().nonnegative(),
  completionTokens: z.number().int().nonnegative(),
  totalTokens: z.number().int().nonnegative(),
  reasoningTokens: z.number().int().nonnegative().optional(),
  cachedTokens: z.number().int().nonnegative().optional(),
  // Qwen-native (issue 13): tokens written to the explicit cache (billed at 125 %), which cache the
  // hits came from (explicit hits bill 10 %, implicit 20 %), image tokens, and web search.
  cacheCreationTokens: z.number().int().nonnegative().optional(),
  cacheType: z.enum(['explicit', 'implicit']).optional(),
  imageTokens: z.number().int().nonnegative().optional(),
  // Issue 14, item 5: answered from the local answer cache (no request, free), saved at `savedAt`.
  fromCache: z.object({ savedAt: z.number() }).optional(),
  search: z
    .object({
      /** `plugins.search.count`: 0 when search was asked for but skipped (the 15 RPS limit). */
      count: z.number().int().nonnegative(),
      strategy: z.enum(['turbo', 'max', 'agent', 'agent_max']).optional(),
      sources: z
        .array(
          z.object({
            index: z.number().int(),
            title: z.string().max(2000),
            url: z.string().max(8192),
            siteName: z.string().max(500),
          }),
        )
        .max(100),
    })
    .optional(),
});
export type Usage = z.infer<typeof usageSchema>;

// Model catalog (issue 3): what the UI needs to offer only what a model can do.
export const modelCapabilitiesSchema = z.object({
  vision: z.boolean(),
  /** none: never thinks; optional: `enable_thinking` switches it; always: thinking-only (QwQ, QVQ). */
  thinking: z.enum(['none', 'optional', 'always']),
  webSearch: z.boolean(),
  jsonMode: z.boolean(),
});
export type ModelCapabilities = z.infer<typeof modelCapabilitiesSchema>;

/** USD or CNY per million tokens, with the date of the figure; `confirmed: false` = third-party. */
export const modelPriceSchema = z.object({
  input: z.number(),
  output: z.number(),
  currency: z.enum(['USD', 'CNY']),
  asOf: z.string(),
  confirmed: z.boolean(),
});
export type ModelPrice = z.infer<typeof modelPriceSchema>;

// Qwen-native (issue 13): prices per region with input-length tiers.
export const searchStrategies = ['turbo', 'max', 'agent', 'agent_max'] as const;
export type SearchStrategy = (typeof searchStrategies)[number];
/** The two price lists: the Chinese mainland (Beijing, CNY) and international (USD). */
export const priceLists = ['beijing', 'international'] as const;
export type PriceListId = (typeof priceLists)[number];

/** One input-length tier: the whole request is billed at the tier its input tokens fall in. */
export const priceTierSchema = z.object({
  /** The tier's highest input-token count; null for the last (open) tier. */
  upToInputTokens: z.number().int().positive().nullable(),
  input: z.number(),
  output: z.number(),
  /** Output price while thinking, where the list gives a separate one. */
  thinkingOutput: z.number().optional(),
});
export type PriceTier = z.infer<typeof priceTierSchema>;

/** A model's price in one region: tiers in that region's currency, per million tokens. */
export const regionPriceSchema = z.object({
  currency: z.enum(['USD', 'CNY']),
  tiers: z.array(priceTierSchema).min(1),
  asOf: z.string(),
  /** False when derived (international USD from the official CNY figures) or third-party. */
  confirmed: z.boolean(),
});
export type RegionPrice = z.infer<typeof regionPriceSchema>;

// Image generation (issue 14): what an image model allows (qwen-api-2026.md §2.4) and costs (§2.6).
const imagePriceSchema = z.object({
  currency: z.enum(['USD', 'CNY']),
  perImage: z.number(),
  confirmed: z.boolean(),
  asOf: z.string(),
});
export const imageModelSpecSchema = z.object({
  /** sync: multimodal-generation; async: a task (X-DashScope-Async), polled. */
  api: z.enum(['sync', 'async']),
  /** An edit model: the image(s) plus an instruction. */
  edit: z.boolean(),
  sizeRule: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('list'), sizes: z.array(z.string()) }),
      z.object({
        kind: z.literal('pixels'),
        minPixels: z.number(),
        maxPixels: z.number(),
        maxRatio: z.number(),
      }),
      z.object({ kind: z.literal('sides'), min: z.number(), max: z.number() }),
    ])
    .nullable(),
  /** What the "Size" box offers (only sizes the rule allows); empty: the model takes no size. */
  sizes: z.array(z.string()),
  defaultSize: z.string().nullable(),
  n: z.object({ min: z.number().int(), max: z.number().int() }),
  prices: z.partialRecord(z.enum(['beijing', 'international']), imagePriceSchema),
  /** The current region's price per successful image. */
  regionPrice: imagePriceSchema.optional(),
});
export type ImageModelSpec = z.infer<typeof imageModelSpecSchema>;
export type ImagePrice = z.infer<typeof imagePriceSchema>;

export const modelInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  capabilities: modelCapabilitiesSchema,
  /** Tokens; null when no source gives it. */
  contextWindow: z.number().int().nullable(),
  maxOutput: z.number().int().nullable(),
  /** False when contextWindow / maxOutput come from third-party sources only. */
  limitsConfirmed: z.boolean().optional(),
  price: modelPriceSchema.nullable(),
  /** The model refuses non-streaming calls (QwQ, QVQ). */
  streamingOnly: z.boolean(),
  /** An id the user typed, not in the catalog: sent as is, its parameters unchecked. */
  custom: z.boolean().optional(),
  /** When `GET /models` answered: whether it listed this model (false: maybe not in this region). */
  listed: z.boolean().optional(),
  // Qwen-native (issue 13). Hybrid thinkers: whether the model thinks when not told (qwen3.5+ do;
  // the app always sends `enable_thinking`, so the switch shows this until the user sets it).
  thinkingDefault: z.boolean().optional(),
  /** Per price list; a list without the model means its regions do not offer it. */
  prices: z.partialRecord(z.enum(priceLists), regionPriceSchema).optional(),
  /** Context cache: explicit (`cache_control` markers) and implicit (automatic) support. */
  cache: z.object({ explicit: z.boolean(), implicit: z.boolean() }).optional(),
  /** Web search strategies the model allows (§7.2); the first is the default. */
  searchStrategies: z.array(z.enum(searchStrategies)).optional(),
  /** The native path it needs: text-generation or multimodal-generation (§1.1). */
  nativeService: z.enum(['text', 'multimodal']).optional(),
  /** The price list of the current region: `price` is its first tier, `regionPrice` all of it. */
  regionPrice: regionPriceSchema.optional(),
  /** False when the current region does not offer the model (listed, not offered by default). */
  offered: z.boolean().optional(),
  /** Issue 14: an image generation or editing model (the composer becomes an image prompt). */
  image: imageModelSpecSchema.optional(),
});
export type ModelInfo = z.infer<typeof modelInfoSchema>;

const modelIdSchema = z
  .string()
  .trim()
  .min(1, { message: said('request.chooseModel') })
  .max(200)
  .regex(/^[A-Za-z0-9._:/-]+$/, { message: said('request.badModelId') });

const streamIdSchema = z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/);

/** Issue 14, item 4: Qwen-MT's `translation_options` (§6.4); the glossary is kept per conversation. */
export const translationOptionsSchema = z.object({
  /** A language's English name, or "auto" (detect). */
  sourceLang: z.string().trim().max(40),
  targetLang: z.string().trim().max(40),
  terms: z
    .array(z.object({ source: z.string().max(200), target: z.string().max(200) }))
    .max(100, { message: 'A glossary can hold at most 100 terms.' })
    .optional(),
  /** A free-text (English) description of the domain and style. */
  domains: z.string().max(1000).optional(),
});
export type TranslationOptions = z.infer<typeof translationOptionsSchema>;

/**
 * Qwen parameters for one request. The shapes are checked here; the per-model rules (ranges, what a
 * model supports, JSON mode needing the word "json") are the engine's (electron/qwen/), which
 * refuses a request with a clear message before any HTTP request is made.
 */
export const chatParamsSchema = z
  .object({
    systemPrompt: z.string().max(100_000),
    temperature: z.number(),
    topP: z.number(),
    maxTokens: z.number().int(),
    seed: z.number().int(),
    stop: z.union([z.string().max(1000), z.array(z.string().max(1000)).max(16)]),
    presencePenalty: z.number(),
    jsonMode: z.boolean(),
    enableThinking: z.boolean(),
    thinkingBudget: z.number().int(),
    enableSearch: z.boolean(),
    // Qwen-native (issue 13): the web search strategy (only those the model allows).
    searchStrategy: z.enum(searchStrategies),
    /** Images (issue 10): `vl_high_resolution_images`, images fitted to the high-resolution cap. */
    highResolution: z.boolean(),
    /** Issue 14: Qwen-MT's options (ignored by other models, so switching model keeps the glossary). */
    translation: translationOptionsSchema,
  })
  .partial();
export type ChatParams = z.infer<typeof chatParamsSchema>;

// ---------------------------------------------------------------------------------------------
// Channels (renderer → main, request/response)
// ---------------------------------------------------------------------------------------------

/**
 * Declares a channel: its result type (a type-only marker) and the schema of its argument.
 * Curried so the schema's type is inferred: `channel<Result>()(schema)`.
 */
function channel<R>() {
  return <A extends z.ZodType>(arg: A): { arg: A; result: R } => ({ arg, result: undefined as R });
}

/**
 * Channels are declared in one section per concern (chat, history, settings, …) and joined below,
 * so each concern's channels read together.
 */
const chatChannels = {
  /** Starts streaming an answer; events for it arrive on `chat.event` with the returned id. */
  'chat.start': channel<{ streamId: string }>()(
    z.object({
      model: modelIdSchema,
      params: chatParamsSchema.optional(),
      messages: z
        .array(chatMessageSchema)
        .min(1, { message: said('request.nothingToSend') })
        .max(MAX_MESSAGES, { message: said('request.tooManyMessages') }),
    }),
  ),
  /** Stops a stream. What already arrived is kept; the stream ends with status `stopped`. */
  'chat.cancel': channel<{ cancelled: boolean }>()(z.object({ streamId: streamIdSchema })),
  /** The models the user can choose from. */
  'models.list': channel<{ models: ModelInfo[]; defaultModel: string }>()(z.undefined()),
} as const;

// ---- History (conversations in SQLite): shapes and channels ----------------------------------

const dbIdSchema = z.number().int().positive();
const titleSchema = z
  .string()
  .trim()
  .min(1, { message: said('request.emptyTitle') })
  .max(200);

/** A conversation as lists show it (also the `history.conversation.updated` event's payload). */
export const conversationSummarySchema = z.object({
  id: z.number(),
  title: z.string().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
  pinned: z.boolean(),
  model: z.string().nullable(),
  params: chatParamsSchema.nullable(),
  systemPrompt: z.string().nullable(),
  /** Issue 11: started in the quick-ask window (an ordinary conversation, marked so). */
  quick: z.boolean(),
});
export type ConversationSummary = z.infer<typeof conversationSummarySchema>;

export interface HistoryMessage {
  id: number;
  conversationId: number;
  parentId: number | null;
  role: 'system' | 'user' | 'assistant';
  content: string;
  reasoning: string | null;
  model: string | null;
  params: ChatParams | null;
  /** Assistant messages; null for the user's. */
  status: StreamStatus | null;
  error: AppError | null;
  usage: Usage | null;
  finishReason: string | null;
  createdAt: number;
  updatedAt: number;
  /** Position among the messages sharing its parent (0-based) and how many there are. */
  siblingIndex: number;
  siblingCount: number;
  /** Set while the answer is still streaming in this run, so a reloaded window can follow it. */
  streamId: string | null;
  /**
   * While streaming: `content` and `reasoning` are the text so far (from memory, not the last save),
   * of which this stream sent `streamed` characters (a continued answer holds earlier text too).
   */
  streamed?: StreamedChars;
  /** Images and text files sent with a question (issue 10), in the order they were attached. */
  attachments?: AttachmentView[];
  /** Issue 14: an answer that is an image generation (its state, results and cost). */
  imageJob?: ImageJobView;
}

export interface StreamedChars {
  content: number;
  reasoning: number;
}

/** An answer being written by a live stream, as the recorder holds it now. */
export interface LiveAnswer {
  streamId: string;
  content: string;
  reasoning: string;
  streamed: StreamedChars;
}

export interface OpenedConversation {
  conversation: ConversationSummary;
  /** A page of the active path from the root, oldest first. */
  messages: HistoryMessage[];
  /** Messages on the active path before this page (load them with `beforeId`). */
  olderCount: number;
}

/** A search hit: the snippet's parts, `match: true` for the matched text. */
export interface SearchHit {
  conversationId: number;
  conversationTitle: string | null;
  messageId: number;
  role: 'system' | 'user' | 'assistant';
  createdAt: number;
  snippet: Array<{ text: string; match: boolean }>;
}

export interface SendResult {
  conversationId: number;
  userMessageId: number;
  assistantMessageId: number;
  /** Null when the answer could not start; `error` says why (the messages are kept). */
  streamId: string | null;
  error: AppError | null;
}

/** Something the user should know about the history file (shown once by the UI). */
export interface HistoryNotice {
  // Faults (issue 9): `save_failed` while answers cannot be written (disk full), `save_resumed` once
  // they can again (sent as a `history.notice` event; the renderer then drops the failure notice).
  kind: 'recovered' | 'unavailable' | 'save_failed' | 'save_resumed';
  /** English; the UI says `key` with `params` (electron/shared/main-text.ts) in its language. */
  message: string;
  key?: string;
  params?: Record<string, string | number>;
  /** Where the damaged file was moved. */
  path?: string;
}

// ---- Attachments (issue 10): images and text files sent with a question ----------------------

// The limits live in shared/vision.ts (pure, no zod), so the renderer can import them as values.
export {
  MAX_IMAGE_BYTES,
  MAX_MESSAGE_IMAGE_CHARS,
  MAX_IMAGES,
  MAX_TEXT_FILES,
  MAX_TEXT_FILE_CHARS,
} from './shared/vision';

const fileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((v) => !/[/\\]/.test(v) && ![...v].some((c) => c.charCodeAt(0) < 0x20), {
    message: said('request.badFileName'),
  });

export const attachmentInputSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('image'),
    fileName: fileNameSchema,
    mimeType: z.enum(['image/png', 'image/jpeg', 'image/webp', 'image/gif']),
    dataBase64: z
      .string()
      .min(4)
      .max(Math.ceil(MAX_IMAGE_BYTES / 3) * 4, { message: said('request.imageTooBig') })
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: said('request.badBase64') }),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  z.object({
    kind: z.literal('text'),
    fileName: fileNameSchema,
    text: z.string().max(MAX_TEXT_FILE_CHARS, { message: said('request.textTooBig') }),
  }),
]);
export type AttachmentInput = z.infer<typeof attachmentInputSchema>;

const attachmentsSchema = z
  .array(attachmentInputSchema)
  .max(MAX_IMAGES + MAX_TEXT_FILES)
  .refine((a) => a.filter((x) => x.kind === 'image').length <= MAX_IMAGES, {
    message: said('request.tooManyImages', { max: MAX_IMAGES }),
  })
  .refine((a) => a.filter((x) => x.kind === 'text').length <= MAX_TEXT_FILES, {
    message: said('request.tooManyTextFiles', { max: MAX_TEXT_FILES }),
  })
  .refine(
    (a) =>
      a.reduce((n, x) => n + (x.kind === 'image' ? x.dataBase64.length : 0), 0) <= MAX_MESSAGE_IMAGE_CHARS,
    { message: said('request.imagesTooBig') },
  );

/** An attachment as stored with a message; its bytes are fetched by `sha256` (see attachmentUrl). */
export interface AttachmentView {
  id: number;
  kind: 'image' | 'text';
  fileName: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  byteSize: number;
  sha256: string;
}
// ---- end Attachments ------------------------------------------------------------------------

const sendTargetSchema = {
  model: modelIdSchema,
  params: chatParamsSchema.optional(),
};

const historyChannels = {
  /** Sends a question into a conversation (a new one when `conversationId` is absent). */
  'history.send': channel<SendResult>()(
    z
      .object({
        conversationId: dbIdSchema.optional(),
        content: z
          .string()
          .trim()
          .max(MAX_MESSAGE_CHARS, {
            message: said('request.messageTooLong', { max: MAX_MESSAGE_CHARS.toLocaleString('en-US') }),
          }),
        ...sendTargetSchema,
        /** Issue 10: images (fitted in the page, checked again by main) and text files. */
        attachments: attachmentsSchema.optional(),
        /** Issue 11: a new conversation started in the quick-ask window is marked as such. */
        origin: z.literal('quick').optional(),
      })
      // A question may be images alone.
      .refine((a) => a.content.length > 0 || (a.attachments?.length ?? 0) > 0, {
        message: said('request.nothingToSend'),
      }),
  ),
  /** A new answer to the same question, as a sibling of the old one. */
  'history.regenerate': channel<SendResult>()(z.object({ messageId: dbIdSchema, ...sendTargetSchema })),
  /** The question edited and sent again, as a sibling of the original question. */
  'history.edit': channel<SendResult>()(
    z.object({
      messageId: dbIdSchema,
      content: z
        .string()
        .trim()
        .min(1, { message: said('request.nothingToSend') })
        .max(MAX_MESSAGE_CHARS),
      ...sendTargetSchema,
      /** Issue 10: positions (from 0) of the original question's attachments the edit keeps; all when absent. */
      keepAttachments: z
        .array(z.number().int().nonnegative())
        .max(MAX_IMAGES + MAX_TEXT_FILES)
        .optional(),
    }),
  ),
  /**
   * Continue (issue 6): resumes a cut answer (interrupted, stopped or length-cut) in the same
   * message; the streamed continuation is appended to it and saved like any answer.
   */
  'history.continue': channel<SendResult>()(z.object({ messageId: dbIdSchema, ...sendTargetSchema })),
  'history.siblings': channel<{ messages: HistoryMessage[] }>()(z.object({ messageId: dbIdSchema })),
  /** Makes this message's branch the active one; returns the conversation's newest page. */
  'history.branch.switch': channel<OpenedConversation>()(z.object({ messageId: dbIdSchema })),
  'history.message.delete': channel<OpenedConversation>()(z.object({ messageId: dbIdSchema })),
  /** Pinned first, then most recently updated. */
  'history.list': channel<{ conversations: ConversationSummary[]; total: number }>()(
    z.object({
      offset: z.number().int().nonnegative().default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
  ),
  /**
   * The active path's newest page; `beforeId` pages back; `focusMessageId` makes that message's
   * branch active and returns a page around it.
   */
  'history.open': channel<OpenedConversation>()(
    z.object({
      conversationId: dbIdSchema,
      limit: z.number().int().min(1).max(1000).default(200),
      beforeId: dbIdSchema.optional(),
      focusMessageId: dbIdSchema.optional(),
    }),
  ),
  'history.rename': channel<ConversationSummary>()(
    z.object({ conversationId: dbIdSchema, title: titleSchema }),
  ),
  'history.pin': channel<ConversationSummary>()(
    z.object({ conversationId: dbIdSchema, pinned: z.boolean() }),
  ),
  /** Deletes the conversation; its text is wiped from the file, not only unlinked. */
  'history.delete': channel<{ deleted: boolean }>()(z.object({ conversationId: dbIdSchema })),
  /** One conversation (or all when absent) as Markdown or JSON text. */
  'history.export': channel<{ fileName: string; text: string }>()(
    z.object({ conversationId: dbIdSchema.optional(), format: z.enum(['markdown', 'json']) }),
  ),
  /**
   * Imports a JSON export; returns the new conversations' ids, and the conversations skipped as
   * invalid (a date outside 1970–2100, a broken message tree, …) with the reason.
   */
  'history.import': channel<{
    conversationIds: number[];
    skipped: Array<{ index: number; title: string | null; reason: string }>;
  }>()(
    z.object({
      text: z.string().max(MAX_IMPORT_BYTES, {
        message: said('import.tooBig', { max: MAX_IMPORT_BYTES / 1_000_000 }),
      }),
    }),
  ),
  'history.search': channel<{ hits: SearchHit[] }>()(
    z.object({ query: z.string().max(500), limit: z.number().int().min(1).max(200).default(50) }),
  ),
  /** What happened to the history file at start-up (a damaged file moved aside, …). */
  'history.notices': channel<{ notices: HistoryNotice[] }>()(z.undefined()),
} as const;
// ---- end History ------------------------------------------------------------------------------

// --- Settings and the API key (issue 5) -------------------------------------------------------

/** A base URL the user types for the Custom region, or a proxy: http(s) with a host, or empty. */
const httpUrlOrEmpty = (what: 'settings.urlBase' | 'settings.urlProxy') =>
  z
    .string()
    .trim()
    .max(MAX_SETTING_URL)
    .refine(isHttpUrlOrEmpty, { message: said(what) });

/** Every non-secret setting, as stored (SettingsStore) and as the Settings panel edits it. */
export const appSettingsSchema = z.object({
  region: z.enum(regionIds),
  /** Used when the region is Custom. */
  customBaseURL: httpUrlOrEmpty('settings.urlBase'),
  defaultModel: modelIdSchema,
  defaultParams: chatParamsSchema,
  language: z.enum(['system', 'en', 'zh-CN']),
  theme: z.enum(['system', 'light', 'dark']),
  /** An http(s) proxy for requests to Qwen; empty = none. */
  proxy: httpUrlOrEmpty('settings.urlProxy'),
  /** Seconds to wait for Qwen to start answering. */
  requestTimeoutSeconds: z.number().int().min(5).max(3600),
  /** Retries before the first token (never after partial output). */
  retryCount: z.number().int().min(0).max(10),
  /** Issue 15, item 11: check a message for keys, IDs and card numbers before it is sent. */
  checkSensitive: z.boolean(),
  // Quick ask (issue 11): the global shortcut ('' = none; changed only through `shortcut.set`,
  // which test-registers it first) and whether closing the main window keeps the app in the tray.
  quickAskShortcut: z.string().max(100),
  keepInTray: z.boolean(),
  // Qwen-native (issue 13): which protocol chat uses (auto: native where it gives more, i.e. web
  // search with sources), the explicit context cache, and the workspace whose host is used.
  protocol: z.enum(['auto', 'compatible', 'native']),
  contextCache: z.boolean(),
  // Issue 14, item 5: ordinary chats answered from the local answer cache too (off by default).
  cacheChatAnswers: z.boolean(),
  workspaceId: z
    .string()
    .trim()
    .max(64)
    .refine(isWorkspaceIdOrEmpty, { message: said('settings.badWorkspace') }),
});
export type AppSettings = z.infer<typeof appSettingsSchema>;

export type SettingsView = {
  settings: AppSettings;
  /** The compatible-mode base URL the next request goes to (empty: Custom without one yet). */
  baseURL: string;
  /** True when DASHSCOPE_BASE_URL overrides the region's URL. */
  baseURLFromEnvironment: boolean;
};

type RegionName = (typeof regionIds)[number];

/** Where the key in use comes from; the key itself never crosses to a renderer. */
export type KeySourceName = 'environment' | 'keychain' | 'memory' | 'none';

/** Why no keychain can be used and what to do: English, with the keys the UI says them with. */
export interface UnavailableKeychain {
  available: false;
  reason: string;
  fix: string;
  reasonKey?: string;
  fixKey?: string;
  params?: Record<string, string | number>;
}
export type KeyStatusView = {
  source: KeySourceName;
  /** `sk-…abcd`, masked in the main process; null when there is no key. */
  masked: string | null;
  region: RegionName;
  keychain: { available: true } | UnavailableKeychain;
};
/** "Test key": valid, rejected (check key and region), wrong region (naming the key's), network. */
/**
 * `host` is set when the key was tested against an address that is not a region's own (Custom, or
 * DASHSCOPE_BASE_URL): the UI names that host, not the Region setting.
 */
export type KeyTestView = { host?: string } & (
  | { outcome: 'valid'; region: RegionName }
  | { outcome: 'rejected'; region: RegionName; detail?: string }
  | { outcome: 'wrong_region'; region: RegionName; keyRegion: RegionName }
  | { outcome: 'network_error'; region: RegionName; detail?: string }
  | { outcome: 'error'; region: RegionName; error: AppError; detail?: string }
);

const apiKeyArgSchema = z
  .string()
  .max(4096, { message: said('key.notAKey') })
  .transform((v) => v.replace(/\s+/g, ''));

/**
 * Issue 12: the app's version and its updater, for Settings' About section. `unsupported` says why
 * this install is never updated by the app: a development run, browser mode, a deb/rpm (the
 * system's package manager updates it), a portable or archive (tar.gz) copy.
 */
export const updateStateSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('unsupported'),
    reason: z.enum(['development', 'browser', 'package_manager', 'portable', 'archive']),
  }),
  z.object({ kind: z.literal('idle') }),
  z.object({ kind: z.literal('checking') }),
  z.object({ kind: z.literal('up_to_date'), checkedAt: z.number() }),
  z.object({ kind: z.literal('downloading'), version: z.string(), percent: z.number().min(0).max(100) }),
  /** Downloaded: "Restart to update" installs it (and it installs on quit anyway). */
  z.object({ kind: z.literal('ready'), version: z.string() }),
  z.object({ kind: z.literal('error'), message: z.string() }),
]);
export const updateStatusSchema = z.object({
  /** This app's version. */
  version: z.string(),
  /** "Check for updates automatically" (a check a day); on by default. */
  automatic: z.boolean(),
  state: updateStateSchema,
});
export type UpdateState = z.infer<typeof updateStateSchema>;
export type UpdateStatus = z.infer<typeof updateStatusSchema>;

const settingsChannels = {
  'settings.get': channel<SettingsView>()(z.undefined()),
  /** Changes some settings; the whole result is validated, and applies to the next request. */
  'settings.update': channel<SettingsView>()(
    // The quick-ask shortcut goes through `shortcut.set` (issue 11), which checks it can be had.
    appSettingsSchema.omit({ quickAskShortcut: true }).partial().strict(),
  ),
  'key.status': channel<KeyStatusView>()(z.undefined()),
  /** Saves the key for the current region (keychain, or memory when there is none). */
  'key.save': channel<KeyStatusView>()(
    z.object({ key: apiKeyArgSchema.refine((v) => v.length > 0, { message: said('key.paste') }) }),
  ),
  /** Tests the key typed (not saved yet) or, without one, the current key. */
  'key.test': channel<KeyTestView>()(z.object({ key: apiKeyArgSchema.optional() })),
  'key.remove': channel<KeyStatusView>()(z.undefined()),
  /** Where the main process's log is, for the UI's error messages (issue 9). Never holds a key. */
  'app.info': channel<{ logPath: string | null }>()(z.undefined()),
  /**
   * Issue 15, item 11: what in a message should not leave the machine, checked by main because only
   * main knows the user's own key (the findings are offsets into `text`; no key crosses).
   */
  'message.checkSensitive': channel<{ findings: SensitiveFinding[] }>()(
    z.object({ text: z.string().max(MAX_MESSAGE_CHARS) }),
  ),
  /** Issue 12: the version and the updater's state; check now; install a downloaded update (restarts). */
  'updates.status': channel<UpdateStatus>()(z.undefined()),
  'updates.check': channel<UpdateStatus>()(z.undefined()),
  'updates.install': channel<UpdateStatus>()(z.undefined()),
  'updates.setAutomatic': channel<UpdateStatus>()(z.object({ automatic: z.boolean() }).strict()),
} as const;

// --- Conversation controls (issue 6, item 4) ---------------------------------------------------

const controlsChannels = {
  /**
   * Keeps a conversation's model and parameters when the user changes them without sending, so
   * opening it again (or a reload) shows them. Sending records them as well.
   */
  'conversation.settings.update': channel<ConversationSummary>()(
    z.object({ conversationId: dbIdSchema, model: modelIdSchema, params: chatParamsSchema }).strict(),
  ),
} as const;
// --- end Conversation controls ----------------------------------------------------------------

// --- Image generation (issue 14): a prompt, its task, its kept results ------------------------

/**
 * What the image composer sends. Lengths are capped loosely here (a huge paste is refused as data);
 * the model's own limits (800 / 500 characters, sizes, n, seed) are electron/shared/image-params.ts.
 */
export const imageRequestSchema = z
  .object({
    prompt: z.string().max(20_000),
    negativePrompt: z.string().max(20_000).optional(),
    size: z.string().max(20).optional(),
    n: z.number().int().optional(),
    seed: z.number().int().optional(),
    promptExtend: z.boolean().optional(),
    watermark: z.boolean().optional(),
  })
  .strict();
export type ImageRequest = z.infer<typeof imageRequestSchema>;

export const imageJobStates = [
  'submitting',
  'queued',
  'running',
  'downloading',
  'done',
  'failed',
  'canceled',
] as const;
export type ImageJobState = (typeof imageJobStates)[number];

/** An image answer as the message shows it (also the `image.job` event's payload). */
export interface ImageJobView {
  messageId: number;
  conversationId: number;
  model: string;
  api: 'sync' | 'async';
  state: ImageJobState;
  taskId: string | null;
  request: ImageRequest;
  /** When it was sent and when it ended (ms since epoch): "Drawing… 12 s". */
  submittedAt: number;
  finishedAt: number | null;
  /** The prompt as Qwen rewrote it (`prompt_extend`), when it did. */
  actualPrompt: string | null;
  /** The kept results, stored like attachments (by SHA-256). */
  images: AttachmentView[];
  /** Images the server could not make (moderation of one of several): free, not counted. */
  failedImages: number;
  /** Images billed: successes only (qwen-api-2026.md §2.6). */
  billedImages: number;
  error: AppError | null;
}

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/);

const imagegenChannels = {
  /** A question that is an image prompt (or edit instruction); the answer is the image job. */
  'image.generate': channel<{
    conversationId: number;
    userMessageId: number;
    assistantMessageId: number;
    job: ImageJobView;
  }>()(
    z
      .object({
        conversationId: dbIdSchema.optional(),
        model: modelIdSchema,
        request: imageRequestSchema,
        /** Edits: the stored images to change (by hash), 1–3. */
        editImages: z.array(sha256Schema).max(3).optional(),
      })
      .strict(),
  ),
  /** Cancels a task while it is PENDING (the API refuses later). */
  'image.cancel': channel<{ job: ImageJobView }>()(z.object({ messageId: dbIdSchema }).strict()),
  /**
   * "Save image": a save dialog in Electron; `download: true` where there is none (browser mode),
   * and the page downloads the stored image itself.
   */
  'image.save': channel<{ saved: boolean; download: boolean }>()(
    z.object({ sha256: sha256Schema, fileName: fileNameSchema }).strict(),
  ),
} as const;
// --- end Image generation ---------------------------------------------------------------------

// --- Quick ask (issue 11): the quick window, its global shortcut, the tray --------------------

/** The quick-ask shortcut as Settings shows it. */
export type ShortcutStatusView = {
  /** As saved ('' = none). */
  accelerator: string;
  /**
   * registered: held now; failed: another app holds it (or the desktop refused it); off: none set;
   * unavailable: browser mode, where there is no global shortcut and no tray.
   */
  state: 'registered' | 'failed' | 'off' | 'unavailable';
  /** A Wayland session: registration is advisory (it may succeed and never fire). */
  wayland: boolean;
  /** The command a desktop shortcut can run instead. */
  command: string;
};

const quickChannels = {
  'shortcut.status': channel<ShortcutStatusView>()(z.undefined()),
  /** Test-registers the combination and saves it only when it can be had; '' clears it. */
  'shortcut.set': channel<ShortcutStatusView>()(z.object({ accelerator: z.string().max(100) }).strict()),
  /** Shows the main window on this conversation (following its stream); false where there is none (browser mode). */
  'quick.continueInMain': channel<{ shown: boolean }>()(z.object({ conversationId: dbIdSchema }).strict()),
  /**
   * The text the last show pre-filled, taken once: a page still loading when the first launch's
   * `--quick-ask "…"` showed it missed the `quick.shown` event.
   */
  'quick.pending': channel<{ prefill: string | null }>()(z.undefined()),
  /** Hides the quick window (Esc), giving focus back to the app that had it. */
  'quick.hide': channel<{ hidden: boolean }>()(z.undefined()),
  /** A pinned quick window stays when it loses focus. */
  'quick.pin': channel<{ pinned: boolean }>()(z.object({ pinned: z.boolean() }).strict()),
  /** The page's content height: the window grows with the answer up to a maximum, then scrolls. */
  'quick.resize': channel<{ height: number }>()(
    z.object({ height: z.number().int().min(1).max(10_000) }).strict(),
  ),
} as const;
// --- end Quick ask ----------------------------------------------------------------------------

export const channels = {
  ...chatChannels,
  ...historyChannels,
  ...settingsChannels,
  ...controlsChannels,
  ...quickChannels,
  ...imagegenChannels,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelArg<C extends ChannelName> = z.input<Channels[C]['arg']>;
export type ChannelResult<C extends ChannelName> = Channels[C]['result'];
export const channelNames = Object.keys(channels) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

// ---------------------------------------------------------------------------------------------
// Events (main → renderer)
// ---------------------------------------------------------------------------------------------

export const streamStatuses = ['streaming', 'done', 'stopped', 'interrupted', 'error'] as const;
export type StreamStatus = (typeof streamStatuses)[number];

export const chatEventSchema = z.discriminatedUnion('type', [
  /** Coalesced text: several SSE chunks arrive as one event (about one per frame). */
  z.object({
    type: z.literal('delta'),
    streamId: z.string(),
    content: z.string(),
    reasoning: z.string().optional(),
    /**
     * Where this delta starts in the stream's text (characters this stream sent before it), and
     * likewise for reasoning: a window that joins a live stream (history.open gives it `streamed`)
     * skips what it already holds and loses nothing.
     */
    at: z.number().int().nonnegative().optional(),
    reasoningAt: z.number().int().nonnegative().optional(),
  }),
  /** Before the first token only: the engine waits and tries again. */
  z.object({
    type: z.literal('retrying'),
    streamId: z.string(),
    attempt: z.number().int(),
    maxAttempts: z.number().int(),
    delayMs: z.number().int(),
    error: appErrorSchema,
  }),
  z.object({
    type: z.literal('done'),
    streamId: z.string(),
    status: z.enum(['done', 'stopped']),
    /** `length` means the answer was cut by max_tokens. */
    finishReason: z.string().nullable(),
    usage: usageSchema.nullable(),
  }),
  /**
   * The stream failed. `interrupted`: some output had arrived and is kept (the UI offers continue
   * and retry); otherwise nothing arrived.
   */
  z.object({
    type: z.literal('error'),
    streamId: z.string(),
    error: appErrorSchema,
    interrupted: z.boolean(),
    usage: usageSchema.nullable().optional(),
  }),
]);
export type ChatEvent = z.infer<typeof chatEventSchema>;

export const events = {
  'chat.event': chatEventSchema,
  // History: a conversation's title, pin or time changed (e.g. its title was generated).
  'history.conversation.updated': conversationSummarySchema,
  // Faults (issue 9): the history could not save (disk full), or saves again.
  'history.notice': z.object({
    kind: z.enum(['recovered', 'unavailable', 'save_failed', 'save_resumed']),
    message: z.string(),
    key: z.string().optional(),
    params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
    path: z.string().optional(),
  }),
  // Issue 12: the updater's state changed (checking, download progress, ready, …).
  'updates.status': updateStatusSchema,
  // Quick ask (issue 11), sent by the shell to one window: the quick window was shown (with the
  // text a `--quick-ask "…"` or a link pre-fills, never sent); the main window is to open a conversation.
  'quick.shown': z.object({ prefill: z.string().nullable() }),
  'window.conversation.open': z.object({ conversationId: z.number().int().positive() }),
  // Issue 14: an image job changed state (queued, drawing, done, failed, cancelled).
  'image.job': z.custom<ImageJobView>((v) => typeof v === 'object' && v !== null),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.infer<Events[E]>;
export const eventNames = Object.keys(events) as EventName[];

// ---------------------------------------------------------------------------------------------
// The renderer's view: `window.qwen`
// ---------------------------------------------------------------------------------------------

export interface QwenApi {
  invoke<C extends ChannelName>(channel: C, arg: ChannelArg<C>): Promise<Result<ChannelResult<C>>>;
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/**
 * The names Electron's IPC uses on the wire. They are types as well as functions so the preload
 * and the renderer, which import only types from this file (importing its values would bundle zod
 * into them), are checked against the same naming.
 */
export type IpcChannel<C extends ChannelName = ChannelName> = `qwen:${C}`;
export type IpcEvent<E extends EventName = EventName> = `qwen:event:${E}`;
export const ipcChannelName = <C extends ChannelName>(c: C): IpcChannel<C> => `qwen:${c}`;
export const ipcEventName = <E extends EventName>(e: E): IpcEvent<E> => `qwen:event:${e}`;

// ---------------------------------------------------------------------------------------------
// Browser mode's bridge: the same interface as JSON messages over one WebSocket
// ---------------------------------------------------------------------------------------------

export type BridgeRequest = { kind: 'invoke'; id: number; channel: string; arg: unknown };
export type BridgeMessage =
  | { kind: 'result'; id: number; result: Result<unknown> }
  | { kind: 'event'; event: EventName; payload: unknown };
/** The WebSocket path; the per-run token goes in the `token` query parameter. */
export type BridgePath = '/bridge';
export const BRIDGE_PATH: BridgePath = '/bridge';
/** Browser mode's history import: a POST of the export's text (same token, Origin and Host checks). */
export type BridgeImportPath = '/bridge/import';
export const BRIDGE_IMPORT_PATH: BridgeImportPath = '/bridge/import';
/**
 * Issue 10: a stored attachment's bytes, by SHA-256: `/bridge/attachment/<sha256>?token=…` in
 * browser mode, `app://qwen-desk/attachment/<sha256>` in Electron. No file path is ever involved.
 */
export type AttachmentPathPrefix = '/attachment/';
export const ATTACHMENT_PATH_PREFIX: AttachmentPathPrefix = '/attachment/';
/**
 * Largest bridge message: room for one image at the contract's 30 million characters in a request
 * (a data: URL is ASCII) and any question; imports go through the upload instead.
 */
export type BridgeMaxMessageBytes = 33_554_432;
export const MAX_BRIDGE_MESSAGE_BYTES: BridgeMaxMessageBytes = 33_554_432;
