export const ICON_SOURCE: string;
export const GENERATED_DIRS: string[];
export function renderIcons(svg?: string): Promise<Map<string, Buffer>>;
