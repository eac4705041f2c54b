/**
 * Runs the fake DashScope server on its own, for trying the app by hand:
 *   npm run fake-dashscope            (prints the base URL to give as DASHSCOPE_BASE_URL)
 *   FAKE_DASHSCOPE_DELAY_MS=40 npm run fake-dashscope
 */
import { FakeDashScope, defaultAnswer, tokenize } from './server';

const delayMs = Number(process.env.FAKE_DASHSCOPE_DELAY_MS ?? 30);
const port = Number(process.env.FAKE_DASHSCOPE_PORT ?? 0);
// The native protocol is served beside (`/api/v1`), and the explicit cache is played.
const server = await new FakeDashScope({ port, simulateCache: true }).start();
server.setDefault((q) => ({ type: 'stream', tokens: tokenize(defaultAnswer(q)), delayMs }));
console.log(`Fake DashScope is listening: DASHSCOPE_BASE_URL=${server.baseURL}`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
