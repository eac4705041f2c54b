import os from 'node:os';
import { defaultDataDir } from './paths';
import { DEFAULT_BASE_URL } from '../qwen/regions';

/** Configuration read from the environment (documented in the README). */
export interface EnvConfig {
  /** `DASHSCOPE_API_KEY`: used as the key when set. */
  apiKey: string | null;
  /** `DASHSCOPE_BASE_URL`: overrides the region's compatible-mode URL. */
  baseURL: string;
  /** `QWEN_DESK_DATA_DIR`: where the app keeps its data. */
  dataDir: string;
  /** `QWEN_DESK_PORT`: browser mode's port (0 = random). */
  port: number;
}

export function readEnvConfig(
  env: NodeJS.ProcessEnv = process.env,
  fallbackDataDir: string = defaultDataDir(process.platform, env, os.homedir()),
): EnvConfig {
  const key = env.DASHSCOPE_API_KEY?.trim();
  const port = env.QWEN_DESK_PORT ? Number(env.QWEN_DESK_PORT) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`QWEN_DESK_PORT must be a port number (0-65535), not "${env.QWEN_DESK_PORT}".`);
  }
  return {
    apiKey: key ? key : null,
    baseURL: normalizeBaseURL(env.DASHSCOPE_BASE_URL?.trim() || DEFAULT_BASE_URL),
    dataDir: env.QWEN_DESK_DATA_DIR?.trim() || fallbackDataDir,
    port,
  };
}

/** Accepts only http(s) URLs and drops a trailing slash, so `${base}/chat/completions` is right. */
export function normalizeBaseURL(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`DASHSCOPE_BASE_URL is not a URL: "${raw}".`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`DASHSCOPE_BASE_URL must start with https:// (or http:// for a local server).`);
  }
  return url.toString().replace(/\/+$/, '');
}
