/**
 * Runs the fake DashScope server on its own, for trying the app by hand:
 *   npm run fake-dashscope            (prints the base URL to give as DASHSCOPE_BASE_URL)
 *   npm run fake-dashscope -- --demo  (thinking, a table, code and math; titles; error words)
 *   FAKE_DASHSCOPE_DELAY_MS=40 npm run fake-dashscope
 */
import { DEMO_WORDS, demoScenario } from './demo';
import { FakeDashScope, defaultAnswer, tokenize } from './server';

const demo = process.argv.includes('--demo');
const delayMs = Number(process.env.FAKE_DASHSCOPE_DELAY_MS ?? 30);
const port = Number(process.env.FAKE_DASHSCOPE_PORT ?? 0);
// The native protocol is served beside (`/api/v1`), and the explicit cache is played.
const server = await new FakeDashScope({ port, simulateCache: true }).start();
// Qwen-MT requests (issue 14) get the fake's translation in both modes.
server.setDefault((q, request) =>
  request.translation_options
    ? null
    : demo
      ? demoScenario(q)
      : { type: 'stream', tokens: tokenize(defaultAnswer(q)), delayMs },
);
console.log(`Fake DashScope is listening: DASHSCOPE_BASE_URL=${server.baseURL}`);
// Issue 14: its image results come from a second loopback port, which the app fetches only when told.
console.log(`Image results: DASHSCOPE_IMAGE_RESULT_ORIGIN=${server.images.resultOrigin}`);
if (demo) {
  console.log('Demo answers. A question containing one of these words shows an error path instead:');
  for (const [word, what] of DEMO_WORDS) console.log(`  "${word}": ${what}`);
}
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
