import type { EnvConfig } from './config';
import { createCore, type Core } from './create-core';
import { systemClock } from './clock';
import { envKeySource } from '../secrets/key-source';
import { createQwenClient } from '../qwen/qwen-client';

/** The core as the app runs it, from the environment's configuration: used by main.ts and browser mode. */
export function createAppCore(config: EnvConfig): Core {
  return createCore({
    keySource: envKeySource(config.apiKey),
    createQwenClient,
    clock: systemClock,
    getBaseURL: () => config.baseURL,
  });
}
