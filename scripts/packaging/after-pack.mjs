// electron-builder's afterPack hook: flips the Electron fuses of the packed binary (issue 12, item 6),
// before electron-builder signs it (it signs after this hook), so the signature covers the flipped
// fuses. A build for the Electron end-to-end tests (QWEN_DESK_E2E_BUILD=1) keeps the inspector
// arguments, which Playwright needs to drive the app; nothing else differs.
import path from 'node:path';
import fuses from '@electron/fuses';

const { flipFuses, FuseV1Options, FuseVersion } = fuses;

/** The fuse settings for a release (or, with forEndToEndTests, for the Electron e2e build). */
export function releaseFuses({ forEndToEndTests = false } = {}) {
  return {
    version: FuseVersion.V1,
    // `ELECTRON_RUN_AS_NODE=1 qwen-desk` would otherwise be a signed Node anyone can script.
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: forEndToEndTests,
    // Checked on macOS and Windows, where electron-builder embeds the asar's hash.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/** The file holding the fuse wire: the app bundle on macOS, the executable elsewhere. */
export function packedElectronPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') {
    return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  }
  if (electronPlatformName === 'win32')
    return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
  return path.join(appOutDir, packager.executableName);
}

export default async function afterPack(context) {
  const forEndToEndTests = process.env.QWEN_DESK_E2E_BUILD === '1';
  const fuses = releaseFuses({ forEndToEndTests });
  // An unsigned arm64 macOS app must keep a valid ad-hoc signature or it will not start at all.
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(packedElectronPath(context), { ...fuses, resetAdHocDarwinSignature: isMac });
  console.log(
    `  • fuses flipped${forEndToEndTests ? ' (end-to-end test build: inspector arguments kept)' : ''}`,
  );
}
