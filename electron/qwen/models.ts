import type { ModelInfo } from '../contract';

/** A first, short list; the engine issue replaces it with the full catalog. */
export const DEFAULT_MODEL = 'qwen-plus';

export const builtInModels: ModelInfo[] = [
  { id: 'qwen-plus', name: 'Qwen-Plus' },
  { id: 'qwen-turbo', name: 'Qwen-Turbo' },
  { id: 'qwen-max', name: 'Qwen-Max' },
  { id: 'qwen-flash', name: 'Qwen-Flash' },
  { id: 'qwen3-max', name: 'Qwen3-Max' },
];
