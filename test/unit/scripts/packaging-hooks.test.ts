/**
 * Issue 12, items 2 and 6: electron-builder's hooks. afterPack flips the fuses of the packed
 * binary (here the stand-in, whose fuse wire is laid out like Electron's), keeping the inspector
 * arguments only in the Electron end-to-end test build; afterSign notarizes only with Apple's
 * credentials, an API key or an Apple ID.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterEach, describe, expect, it } from 'vitest';
import afterPack, { packedElectronPath } from '../../../scripts/packaging/after-pack.mjs';
import { notarizeCredentials } from '../../../scripts/packaging/after-sign.mjs';
import { makeStandInElectronDist } from '../../../scripts/packaging/stand-in-electron.mjs';

const ON = 49;
const OFF = 48;
const dirs: string[] = [];
afterEach(() => {
  delete process.env.QWEN_DESK_E2E_BUILD;
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function packedFuses() {
  const dir = makeStandInElectronDist(fs.mkdtempSync(path.join(os.tmpdir(), 'qwen-desk-fuses-')));
  dirs.push(dir);
  const before = await getCurrentFuseWire(path.join(dir, 'electron'));
  await afterPack({
    appOutDir: dir,
    electronPlatformName: 'linux',
    packager: { executableName: 'electron', appInfo: { productFilename: 'Qwen Desk' } },
  });
  return { before, after: await getCurrentFuseWire(path.join(dir, 'electron')) };
}

describe('afterPack', () => {
  it('turns Electron’s defaults into the release fuses', async () => {
    const { before, after } = await packedFuses();
    expect(before[FuseV1Options.RunAsNode]).toBe(ON);
    expect(before[FuseV1Options.OnlyLoadAppFromAsar]).toBe(OFF);
    expect(after[FuseV1Options.RunAsNode]).toBe(OFF);
    expect(after[FuseV1Options.EnableNodeCliInspectArguments]).toBe(OFF);
    expect(after[FuseV1Options.OnlyLoadAppFromAsar]).toBe(ON);
    // A fuse the release does not set keeps Electron's value.
    expect(after[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(
      before[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot],
    );
  });

  it('keeps the inspector arguments, and only them, in the build for the Electron end-to-end tests', async () => {
    process.env.QWEN_DESK_E2E_BUILD = '1';
    const { after } = await packedFuses();
    expect(after[FuseV1Options.EnableNodeCliInspectArguments]).toBe(ON);
    expect(after[FuseV1Options.RunAsNode]).toBe(OFF);
    expect(after[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(OFF);
  });

  it('finds the binary on each system: the .app bundle, the .exe, the Linux executable', () => {
    const packager = { executableName: 'qwen-desk', appInfo: { productFilename: 'Qwen Desk' } };
    const at = (electronPlatformName: string) =>
      packedElectronPath({ appOutDir: '/out', electronPlatformName, packager });
    expect(at('darwin')).toBe(path.join('/out', 'Qwen Desk.app'));
    expect(at('win32')).toBe(path.join('/out', 'Qwen Desk.exe'));
    expect(at('linux')).toBe(path.join('/out', 'qwen-desk'));
  });
});

describe('afterSign', () => {
  it('notarizes with an App Store Connect API key or an Apple ID, and with nothing less', () => {
    expect(notarizeCredentials({})).toBeNull();
    expect(notarizeCredentials({ APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'ID' })).toBeNull();
    expect(
      notarizeCredentials({ APPLE_API_KEY: 'k.p8', APPLE_API_KEY_ID: 'ID', APPLE_API_ISSUER: 'I' }),
    ).toEqual({
      appleApiKey: 'k.p8',
      appleApiKeyId: 'ID',
      appleApiIssuer: 'I',
    });
    expect(
      notarizeCredentials({ APPLE_ID: 'a@b.c', APPLE_APP_SPECIFIC_PASSWORD: 'p', APPLE_TEAM_ID: 'T' }),
    ).toEqual({ appleId: 'a@b.c', appleIdPassword: 'p', teamId: 'T' });
  });
});
