/**
 * The check for sensitive content before a message is sent (issue 15, item 11): target under 5 ms
 * for a 100,000-character paste. Baseline, in the same run: one pass of a trivial regular
 * expression over the same text (what reading the text once costs), so the figure says how many
 * "reads" the check is. Two pastes: ordinary (prose, code, numbers; nothing found) and one with a
 * finding of each kind near the end. Medians of BENCH_RUNS runs, after a warm-up.
 */
import { findSensitive } from '../../electron/shared/sensitive-content';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const SIZE = 100_000;

function ordinaryPaste(): string {
  const lines: string[] = [];
  for (let i = 0; lines.join('\n').length < SIZE; i++) {
    lines.push(
      i % 3 === 0
        ? `const row${i} = { id: ${i * 7919}, hash: "${(i * 2654435761).toString(16).padStart(12, '0')}", total: ${(i * 104729) % 99991}.50 };`
        : i % 3 === 1
          ? `订单 ${1_000_000_000_000 + i * 37} 已发货，金额 ${(i * 31) % 977} 元，电话 138 0013 ${String(8000 + i).slice(-4)}。`
          : `The quick brown fox ${i} jumps over the lazy dog; see https://example.com/item/${i}?ref=${i * 13}.`,
    );
  }
  return lines.join('\n').slice(0, SIZE);
}

const ordinary = ordinaryPaste();
const withFindings =
  ordinary.slice(0, SIZE - 200) +
  ' sk-3f9a2b7c4d1e8f6a0b5c9d2e7f4a1b8c 11010519491231002X 4111 1111 1111 1111 -----BEGIN PRIVATE KEY-----x';

function median(f: () => unknown): number {
  for (let i = 0; i < 20; i++) f();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const baseline = median(() => ordinary.match(/\d+/g)?.length);
const clean = median(() => findSensitive(ordinary, 'sk-0123456789abcdef0123456789abcdef'));
const found = median(() => findSensitive(withFindings, 'sk-0123456789abcdef0123456789abcdef'));
const count = findSensitive(withFindings).length;
console.log(`sensitive-content check, ${SIZE.toLocaleString('en')} characters, median of ${RUNS}:`);
console.log(`  baseline (one /\\d+/g pass):   ${baseline.toFixed(2)} ms`);
console.log(
  `  ordinary paste (0 found):     ${clean.toFixed(2)} ms  (${(clean / baseline).toFixed(1)}× baseline; target < 5 ms)`,
);
console.log(
  `  paste with ${count} findings:       ${found.toFixed(2)} ms  (${(found / baseline).toFixed(1)}× baseline)`,
);
