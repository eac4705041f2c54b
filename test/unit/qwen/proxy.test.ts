import { describe, expect, it } from 'vitest';
import { AppErrorException } from '../../../electron/shared/app-error';
import { chooseProxy, proxyFetch } from '../../../electron/qwen/proxy';

describe('chooseProxy', () => {
  it('is direct without a setting or proxy variables', () => {
    expect(chooseProxy(null, {})).toBeNull();
    expect(proxyFetch(null)).toBeUndefined();
  });
  it('prefers the Settings proxy for both schemes, keeping NO_PROXY', () => {
    expect(
      chooseProxy('http://proxy.corp:3128', { HTTPS_PROXY: 'http://other:1', NO_PROXY: 'localhost' }),
    ).toEqual({
      httpProxy: 'http://proxy.corp:3128',
      httpsProxy: 'http://proxy.corp:3128',
      noProxy: 'localhost',
    });
  });
  it('reads the variables, lower case first, as curl does', () => {
    expect(
      chooseProxy('', { https_proxy: 'http://a:1', HTTPS_PROXY: 'http://b:2', no_proxy: '.internal' }),
    ).toEqual({
      httpsProxy: 'http://a:1',
      noProxy: '.internal',
    });
  });
  it('refuses a setting that is not an http(s) URL', () => {
    expect(() => chooseProxy('proxy.corp:3128', {})).toThrow(AppErrorException);
    expect(() => chooseProxy('socks5://h:1', {})).toThrow(/is not an http:\/\/ or https:\/\/ address/);
  });
});
