import { z } from 'zod';
import {
  attachmentInputSchema,
  appErrorSchema,
  chatParamsSchema,
  MAX_MESSAGE_CHARS,
  streamStatuses,
  usageSchema,
} from '../contract';
import { validateAttachments } from '../attachments/validate';
import { AppErrorException } from '../shared/app-error';
import { imageJobProblem, importedImageJobSchema } from './image-export';

/**
 * What an import accepts. An export is data from outside (another machine, an edited file, an
 * attacker), and whatever gets in is later shown, searched and exported: a date of 1e20 once made
 * `toISOString()` throw in every list and blanked the window. So every field is bounded here, each
 * conversation is checked on its own (a bad one is skipped and reported, the rest imported), and the
 * message tree is checked before anything is written.
 */
export const MIN_DATE = 0; // 1970-01-01
export const MAX_DATE = Date.UTC(2100, 0, 1);
export const MAX_IMPORT_CONVERSATIONS = 10_000;
export const MAX_IMPORT_MESSAGES_PER_CONVERSATION = 100_000;
export const MAX_IMPORT_MESSAGES = 1_000_000;
const MAX_TITLE = 1000;
const MAX_SHORT = 200;
const MAX_ERROR_JSON = 100_000;

export const isDateInRange = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= MIN_DATE && n <= MAX_DATE;

const dateSchema = z.number().refine(isDateInRange, { message: 'a date outside 1970–2100' });
const localIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const shortText = z.string().max(MAX_SHORT);

const importedMessageSchema = z.object({
  id: localIdSchema,
  parentId: localIdSchema.nullable(),
  role: z.enum(['system', 'user', 'assistant']),
  content: z.string().max(MAX_MESSAGE_CHARS),
  reasoning: z.string().max(MAX_MESSAGE_CHARS).nullable(),
  model: shortText.nullable(),
  params: chatParamsSchema.nullable(),
  status: z.enum(streamStatuses).nullable(),
  error: appErrorSchema
    .refine((e) => JSON.stringify(e).length <= MAX_ERROR_JSON, { message: 'an error too long' })
    .nullable(),
  usage: usageSchema.nullable(),
  finishReason: shortText.nullable(),
  createdAt: dateSchema,
  updatedAt: dateSchema,
  // Issue 10: a question's images and text files.
  attachments: z.array(attachmentInputSchema).max(30).optional(),
  // Issue 14: an image answer's job and images.
  image: importedImageJobSchema.optional(),
});
const importedConversationSchema = z.object({
  title: z.string().max(MAX_TITLE).nullable(),
  createdAt: dateSchema,
  updatedAt: dateSchema,
  pinned: z.boolean(),
  /** Issue 11: begun in the quick-ask window. */
  quick: z.literal(true).optional(),
  model: shortText.nullable(),
  params: chatParamsSchema.nullable(),
  systemPrompt: z.string().max(100_000).nullable(),
  activeLeafId: localIdSchema.nullable(),
  messages: z.array(importedMessageSchema).max(MAX_IMPORT_MESSAGES_PER_CONVERSATION),
});
export type ImportedConversation = z.infer<typeof importedConversationSchema>;

/** The file's envelope: conversations are checked one by one, so one bad entry skips only itself. */
export const historyImportSchema = z.object({
  format: z.literal('qwen-desk-history'),
  version: z.literal(1),
  conversations: z.array(z.unknown()).max(MAX_IMPORT_CONVERSATIONS, {
    message: `An export can hold at most ${MAX_IMPORT_CONVERSATIONS.toLocaleString('en-US')} conversations.`,
  }),
});
export type HistoryImport = z.infer<typeof historyImportSchema>;

export interface ImportSkip {
  /** Position in the file's `conversations`, from 0. */
  index: number;
  title: string | null;
  reason: string;
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return `${where.replace(/^\./, '') || 'value'}: ${issue.message}`;
}

/**
 * The tree: ids unique, every parent an earlier message of the same conversation (which also rules
 * out cycles, and lets the depth be computed from the parent), the active leaf one of its messages.
 */
function treeProblem(c: ImportedConversation): string | null {
  const seen = new Set<number>();
  for (const m of c.messages) {
    if (seen.has(m.id)) return `message ${m.id} appears twice`;
    if (m.parentId !== null && !seen.has(m.parentId))
      return `message ${m.id} names a parent that comes later or is missing`;
    seen.add(m.id);
  }
  if (c.activeLeafId !== null && !seen.has(c.activeLeafId)) return 'the active message is missing';
  return attachmentProblem(c);
}

/** Issue 10: every attached image checked as main checks what it is sent (type, header, size). */
function attachmentProblem(c: ImportedConversation): string | null {
  for (const m of c.messages) {
    const image = m.image ? imageJobProblem(m.role, m.image) : null; // issue 14
    if (image) return `message ${m.id}: ${image}`;
    if (!m.attachments?.length) continue;
    if (m.role !== 'user') return `message ${m.id} is not a question but carries attachments`;
    try {
      validateAttachments(m.attachments);
    } catch (err) {
      if (err instanceof AppErrorException) return `message ${m.id}: ${err.appError.message}`;
      throw err;
    }
  }
  return null;
}

/** Splits the file's conversations into those to import and those skipped, with the reason. */
export function validateImport(data: HistoryImport): {
  accepted: ImportedConversation[];
  skipped: ImportSkip[];
} {
  const accepted: ImportedConversation[] = [];
  const skipped: ImportSkip[] = [];
  let total = 0;
  data.conversations.forEach((raw, index) => {
    const title =
      raw && typeof raw === 'object' && typeof (raw as { title?: unknown }).title === 'string'
        ? (raw as { title: string }).title.slice(0, MAX_SHORT)
        : null;
    const parsed = importedConversationSchema.safeParse(raw);
    if (!parsed.success) return void skipped.push({ index, title, reason: describe(parsed.error) });
    const problem = treeProblem(parsed.data);
    if (problem) return void skipped.push({ index, title, reason: problem });
    if (total + parsed.data.messages.length > MAX_IMPORT_MESSAGES)
      return void skipped.push({ index, title, reason: 'the file holds too many messages in all' });
    total += parsed.data.messages.length;
    accepted.push(parsed.data);
  });
  return { accepted, skipped };
}
