/**
 * `npm run fake-dashscope -- --demo`: answers that show what the app does, for trying it without an
 * account. Every answer thinks first, then brings a table, code and math; titles are made from the
 * question; and a few words in the question choose an error path instead (listed in `DEMO_WORDS`),
 * so each error message can be seen without breaking anything.
 */
import { tokenize, type FakeScenario } from './server';
import { dashscopeErrors } from './wire';

/** The words the demo reacts to, and what each shows (printed by the CLI). */
export const DEMO_WORDS: ReadonlyArray<[string, string]> = [
  ['error 401', 'the key is rejected (401 invalid_api_key)'],
  ['error 429', 'too many requests (429 limit_requests; the app retries, then gives up)'],
  ['error 500', "Qwen's internal error (500)"],
  ['moderation', 'the content safety check stops the answer mid-stream'],
  ['cut', 'the answer stops at max tokens (finish_reason "length": Continue)'],
  ['slow', 'the answer streams slowly (about 6 tokens a second)'],
];

/** The title request's user message is "Question:\n<q>\n\nAnswer:\n<a>" (chat-engine.ts). */
const TITLE_REQUEST = /^Question:\n([\s\S]*?)\n\nAnswer:\n/;

/** A title from the question's first words, as a model would write one. */
export function demoTitle(question: string): string {
  const words = question
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return 'A question';
  // Chinese has no spaces: its first 12 characters make the title.
  const title = /\p{Script=Han}/u.test(words[0]!) ? words.join('').slice(0, 12) : words.slice(0, 6).join(' ');
  return title.charAt(0).toUpperCase() + title.slice(1);
}

export function demoAnswer(question: string): string {
  const q = question.length > 60 ? `${question.slice(0, 60)}…` : question;
  return [
    `Here is a demo answer to “${q}”, from the fake DashScope server (no real model is asked).`,
    '',
    '| Model | Context | Thinks |',
    '| --- | ---: | :---: |',
    '| qwen-plus | 131,072 | ✓ |',
    '| qwen-turbo | 1,000,000 | ✓ |',
    '',
    '```ts',
    'function tokens(text: string): number {',
    '  return Math.ceil(text.length / 4); // a rough rule of thumb',
    '}',
    '```',
    '',
    'Inline math $e^{i\\pi} + 1 = 0$, and a display:',
    '',
    '$$\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}$$',
    '',
    `Try a question with one of: ${DEMO_WORDS.map(([w]) => `“${w}”`).join(', ')}.`,
  ].join('\n');
}

const reasoning = (question: string) =>
  tokenize(
    `The user asks “${question.slice(0, 40)}”. A table, some code and a formula will show the app best.`,
  );

/** The demo's scenario for one request. */
export function demoScenario(question: string): FakeScenario {
  const title = TITLE_REQUEST.exec(question);
  if (title) return { type: 'completion', content: demoTitle(title[1]!), delayMs: 200 };
  const lower = question.toLowerCase();
  if (lower.includes('error 401')) return { type: 'error', ...dashscopeErrors.invalidApiKey };
  if (lower.includes('error 429')) return { type: 'error', ...dashscopeErrors.limitRequests };
  if (lower.includes('error 500')) return { type: 'error', ...dashscopeErrors.internalError };
  const tokens = tokenize(demoAnswer(question));
  const base = { type: 'stream' as const, tokens, reasoning: reasoning(question), delayMs: 25 };
  if (lower.includes('moderation')) {
    return {
      ...base,
      midStreamError: { afterTokens: 20, error: dashscopeErrors.outputInspectionFailed.error },
    };
  }
  if (lower.includes('cut')) return { ...base, tokens: tokens.slice(0, 30), finishReason: 'length' };
  if (lower.includes('slow')) return { ...base, delayMs: 160 };
  return base;
}
