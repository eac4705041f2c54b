/**
 * The benchmarks' long answer: sections of headings, prose with inline code and links, inline and
 * display math, a table, a fenced code block and a task list, repeated until `chars` long.
 */
export function markdownAnswer(chars: number): string {
  const sections: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const section =
      `## Section ${i}: streaming at scale\n\n` +
      `Qwen writes **bold claims**, *careful caveats* and \`inline code\` with a [link](https://example.com/${i}). ` +
      `The energy is $E = mc^2$ and the sum is $\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}$ for section ${i}.\n\n` +
      `| Model | Context | Price |\n| --- | ---: | ---: |\n| qwen-plus | 131072 | 0.4 |\n| qwen-max | 32768 | 1.6 |\n| qwen-flash | 1000000 | 0.05 |\n\n` +
      '```ts\n' +
      `export function section${i}(items: number[]): number {\n  // Sum the squares of the items.\n  return items.reduce((acc, x) => acc + x * x, 0);\n}\n` +
      '```\n\n' +
      `$$\n\\int_0^{${i + 1}} x^2 \\, dx = \\frac{${i + 1}^3}{3}\n$$\n\n` +
      `- first point of section ${i}\n- second point, with more words to read\n- [x] a finished task\n\n`;
    sections.push(section);
    length += section.length;
  }
  return sections.join('');
}
