/**
 * The fake server's answer on the native generation paths: the request checked as DashScope checks
 * it (the path for the model, thinking's requirements, then the same rules as compatible mode), and
 * the scenario played in native bodies and frames (native.ts).
 */
import type http from 'node:http';
import type { FakeRequestBody, FakeScenario } from './server';
import {
  completionNative,
  nativeErrorBody,
  nativeEvent,
  refuseNative,
  streamNative,
  type NativeRequestBody,
} from './native';

export interface NativeExchange {
  req: http.IncomingMessage;
  res: http.ServerResponse;
  path: string;
  raw: string;
  body: unknown;
}

/** What the server lends the native side: its limits, rules and scenario queue. */
export interface NativeHooks {
  maxBodyBytes: number;
  refuse: (view: FakeRequestBody) => { status: number; error: { code: string; message: string } } | null;
  question: (messages: Array<{ role: string; content: unknown }>) => string;
  pick: (question: string, view: FakeRequestBody) => FakeScenario;
  answerText: (question: string) => string;
  countTokens: (text: string) => number;
}

function sendJson(
  res: http.ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(payload));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function answerNative(x: NativeExchange, hooks: NativeHooks): Promise<void> {
  const { req, res } = x;
  if (x.raw.length > hooks.maxBodyBytes) {
    res.writeHead(413, { 'content-type': 'text/html' });
    return void res.end('<html><body>413 Request Entity Too Large</body></html>');
  }
  if (typeof x.body !== 'object' || x.body === null) {
    return sendJson(res, 400, nativeErrorBody('InvalidParameter', 'The request body is not valid JSON.'));
  }
  const request = x.body as NativeRequestBody;
  // Without this header DashScope answers in one JSON body, not a stream.
  const sse = req.headers['x-dashscope-sse'] === 'enable';
  const nativeRefusal = refuseNative(x.path, request, sse);
  if (nativeRefusal) {
    return sendJson(res, nativeRefusal.status, nativeErrorBody(nativeRefusal.code, nativeRefusal.message));
  }
  const messages = request.input?.messages ?? [];
  const p = request.parameters ?? {};
  // The compatible rules apply natively too (JSON mode, thinking without streaming).
  const view: FakeRequestBody = {
    ...(request.model ? { model: request.model } : {}),
    messages,
    stream: sse,
    ...(p.enable_thinking !== undefined ? { enable_thinking: p.enable_thinking } : {}),
    ...(p.response_format ? { response_format: p.response_format } : {}),
    ...(p.translation_options ? { translation_options: p.translation_options } : {}),
  };
  const refusal = hooks.refuse(view);
  if (refusal)
    return sendJson(res, refusal.status, nativeErrorBody(refusal.error.code, refusal.error.message));
  const question = hooks.question(messages);
  const scenario = hooks.pick(question, view);
  const promptTokens = Math.max(1, Math.ceil(JSON.stringify(messages).length / 4));
  if (scenario.type === 'error') {
    const error = nativeErrorBody(scenario.error.code, scenario.error.message);
    if (scenario.framing === 'sse') {
      res.writeHead(scenario.status, {
        'content-type': 'text/event-stream;charset=UTF-8',
        ...scenario.headers,
      });
      return void res.end(nativeEvent(1, error, 'error', scenario.status));
    }
    return sendJson(res, scenario.status, error, scenario.headers);
  }
  if (scenario.type === 'raw') {
    res.writeHead(scenario.status, scenario.headers ?? {});
    return void res.end(scenario.body);
  }
  if (scenario.type === 'hang') return;
  if (scenario.type === 'reset') return void req.socket.resetAndDestroy();
  if (scenario.type === 'completion' || !sse) {
    if (scenario.type === 'completion' && scenario.delayMs) await sleep(scenario.delayMs);
    const content = scenario.type === 'completion' ? scenario.content : hooks.answerText(question);
    return sendJson(res, 200, completionNative(content, promptTokens, hooks.countTokens(content)));
  }
  await streamNative(req, res, scenario, request, promptTokens);
}
