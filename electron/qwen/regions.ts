/**
 * DashScope regions and their OpenAI-compatible endpoints (../shared/reference/qwen-api.md §1).
 * API keys are region-specific: a key made in one region is rejected (401) by another.
 */
export const regionIds = ['singapore', 'us-virginia', 'beijing', 'hongkong', 'custom'] as const;
export type RegionId = (typeof regionIds)[number];

export interface Region {
  id: RegionId;
  /** English name, as the Settings combobox shows it. */
  name: string;
  /** Compatible-mode base URL; null for "custom" (the user gives one). */
  baseURL: string | null;
}

export const regions: Region[] = [
  { id: 'singapore', name: 'Singapore', baseURL: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1' },
  {
    id: 'us-virginia',
    name: 'US (Virginia)',
    baseURL: 'https://dashscope-us.aliyuncs.com/compatible-mode/v1',
  },
  { id: 'beijing', name: 'China (Beijing)', baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1' },
  {
    id: 'hongkong',
    name: 'Hong Kong',
    baseURL: 'https://cn-hongkong.dashscope.aliyuncs.com/compatible-mode/v1',
  },
  { id: 'custom', name: 'Custom', baseURL: null },
];

export const DEFAULT_REGION: RegionId = 'singapore';

/** Singapore (international): the default endpoint. */
export const DEFAULT_BASE_URL = regions[0]!.baseURL!;
