/**
 * The fake DashScope server in its own process for the stream benchmark, so its CPU time is not
 * counted as the app's: streams BENCH_TOKENS tokens as fast as the socket takes them.
 */
import { FakeDashScope } from '../../fake-dashscope/server';
import { benchTokens } from './tokens';

const count = Number(process.env.BENCH_TOKENS ?? 20_000);
const tokens = benchTokens(count);
const fake = await new FakeDashScope().start();
fake.setDefault(() => ({ type: 'stream', tokens, delayMs: 0 }));
console.log(JSON.stringify({ baseURL: fake.baseURL }));
process.on('SIGTERM', () => void fake.close().then(() => process.exit(0)));
