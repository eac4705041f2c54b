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
  /** Issue 13: the region's code in workspace hosts (qwen-api-2026.md §8.1); none for Hong Kong. */
  workspaceRegion?: string;
}

export const regions: Region[] = [
  {
    id: 'singapore',
    name: 'Singapore',
    baseURL: 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1',
    workspaceRegion: 'ap-southeast-1',
  },
  {
    id: 'us-virginia',
    name: 'US (Virginia)',
    baseURL: 'https://dashscope-us.aliyuncs.com/compatible-mode/v1',
    workspaceRegion: 'us-east-1',
  },
  {
    id: 'beijing',
    name: 'China (Beijing)',
    baseURL: 'https://dashscope.aliyuncs.com/compatible-mode/v1',
    workspaceRegion: 'cn-beijing',
  },
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

/** A workspace host (§8.1): `{WorkspaceId}.{region}.maas.aliyuncs.com`, DashScope's own. */
export const WORKSPACE_HOST =
  /^[a-z0-9-]{1,64}\.(ap-southeast-1|us-east-1|cn-beijing|eu-central-1)\.maas\.aliyuncs\.com$/i;

/**
 * The region's workspace base URL (compatible mode; the native one follows by the usual rule),
 * recommended by Alibaba over the legacy host; null without a workspace or for a region without one.
 */
export function workspaceBaseURL(region: RegionId, workspaceId: string): string | null {
  const id = workspaceId.trim();
  const code = regions.find((r) => r.id === region)?.workspaceRegion;
  if (!id || !code) return null;
  return `https://${id.toLowerCase()}.${code}.maas.aliyuncs.com/compatible-mode/v1`;
}
