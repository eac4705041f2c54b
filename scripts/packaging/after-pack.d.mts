import type { FuseConfig } from '@electron/fuses';
export interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { executableName?: string; appInfo: { productFilename: string } };
}
export function releaseFuses(options?: { forEndToEndTests?: boolean }): FuseConfig;
export function packedElectronPath(context: PackContext): string;
export default function afterPack(context: PackContext): Promise<void>;
