/** The benchmark's answer: short Latin and Chinese tokens, alternating. */
export const benchTokens = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => (i % 2 ? '千问' : ` w${i % 97}`));
