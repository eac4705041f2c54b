export function builderInvocation(
  args: string[],
  env?: NodeJS.ProcessEnv,
  options?: { hasElectron?: boolean },
): { args: string[]; env: NodeJS.ProcessEnv; notes: string[] };
