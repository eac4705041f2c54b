export const FUSE_SENTINEL: string;
export function makeStandInElectronDist(dir: string): string;
