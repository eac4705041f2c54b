/** Where the API key comes from. It is read in the main process only and never sent to a renderer. */
export interface KeySource {
  getKey(): Promise<string | null>;
}

/** The key given by `DASHSCOPE_API_KEY`, or none. */
export function envKeySource(apiKey: string | null): KeySource {
  return { getKey: async () => apiKey };
}
