/**
 * Issue 15, item 1: a Chinese UI must not show a sentence left in English. A sentence (split at
 * Chinese or Latin sentence marks) is "Latin-only" when it holds no CJK character but runs of
 * three or more Latin words: names ("Qwen Desk", "Model Studio"), ids, hosts, numbers and units
 * stay short and pass; "Qwen rejected the API key" does not.
 */
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const LATIN_RUN = /[A-Za-z]+(?:[\s'’-]+[A-Za-z]+){2,}/;

export function latinOnlySentences(text: string): string[] {
  return text
    .split(/[。！？；：\n]|[.!?;:](?=\s|$)/)
    .map((s) => s.trim())
    .filter((s) => s && !CJK.test(s) && LATIN_RUN.test(s));
}
