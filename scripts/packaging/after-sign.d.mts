export function notarizeCredentials(env: NodeJS.ProcessEnv): Record<string, string> | null;
export default function afterSign(context: unknown): Promise<void>;
