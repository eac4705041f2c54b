/** Where the API key comes from. It is read in the main process only and never sent to a renderer. */
export interface KeySource {
  /** With `baseURL`: the key only if it may go there (see key-routing.ts), else an AppError. */
  getKey(baseURL?: string): Promise<string | null>;
}

/** The key given by `DASHSCOPE_API_KEY`, or none. */
export function envKeySource(apiKey: string | null): KeySource {
  return { getKey: async () => apiKey };
}
