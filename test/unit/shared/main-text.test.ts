import { describe, expect, it } from 'vitest';
import { englishText, fillText, mainTextEn, type MainTextKey } from '../../../electron/shared/main-text';
import { mainTextZh } from '../../../electron/shared/main-text.zh-CN';
import { latinOnlySentences } from '../../support/latin-only';

const keys = Object.keys(mainTextEn) as MainTextKey[];
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
/** Parameters as main fills them: names, hosts, numbers. */
const sample = {
  channel: 'x.y',
  field: 'temperature',
  seconds: 30,
  proxy: 'proxy.example:8080',
  status: 502,
  host: 'dashscope-intl.aliyuncs.com',
  chars: 65536,
  region: 'Singapore',
  model: 'qwen3.5-plus',
  max: 8192,
  strategy: 'max',
  strategies: 'turbo, max',
  file: 'photo.jpg',
  declared: 'image/png',
  actual: 'image/jpeg',
  width: 10,
  height: 20,
  declaredWidth: 30,
  declaredHeight: 40,
  min: 10,
  ratio: 200,
  path: '/home/a/history.sqlite3.damaged-1',
  fileVersion: 9,
  knownVersion: 5,
  error: 'ENOENT', // the system's own words go here as they are
  origin: 'http://example.com',
  accelerator: 'Ctrl+Shift+Space',
  key: 'Hyper',
  count: 900,
  size: '1328 × 1328',
};

describe("main's sentences", () => {
  it('every key is said in Simplified Chinese with the same parameters', () => {
    expect(Object.keys(mainTextZh).sort()).toEqual([...keys].sort());
    for (const key of keys) expect(placeholders(mainTextZh[key]), key).toEqual(placeholders(mainTextEn[key]));
  });

  it('no Chinese sentence is left in English (names, ids, numbers and units aside)', () => {
    for (const key of keys) {
      const zh = fillText(mainTextZh[key], sample);
      expect(latinOnlySentences(zh), `${key}: ${zh}`).toEqual([]);
      expect(zh, key).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('every parameter a sentence names is filled, in English too', () => {
    for (const key of keys) expect(englishText(key, sample), key).not.toMatch(/\{\w+\}/);
  });

  it('the check itself catches an English sentence and lets names through', () => {
    expect(latinOnlySentences('未发送： JSON mode needs the word "JSON" in your message.')).toEqual([
      'JSON mode needs the word "JSON" in your message',
    ]);
    expect(latinOnlySentences('Qwen Desk 无法连接到 dashscope.aliyuncs.com（HTTP 502）。')).toEqual([]);
    expect(latinOnlySentences('输入 13 tokens · 输出 29')).toEqual([]);
  });
});
