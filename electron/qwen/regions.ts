/** DashScope's OpenAI-compatible endpoint, Singapore (international) region: the default. */
export const DEFAULT_BASE_URL = 'https://dashscope-intl.aliyuncs.com/compatible-mode/v1';
