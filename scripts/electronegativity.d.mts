export interface Finding {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { value: number; name: string };
}
export function scan(folder: string): Promise<{
  files: number;
  checks: number;
  open: Finding[];
  medium: Finding[];
  suppressions: { checks: string; reason: string; at: string }[];
  unexplained: { checks: string; reason: string; at: string }[];
  errors: { file: string; message: string }[];
}>;
