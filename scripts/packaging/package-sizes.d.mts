export interface PackageSizes {
  asarBytes: number;
  unpackedBytes: number;
}
export const BUDGET: PackageSizes;
export function packageSizes(resourcesDir: string): PackageSizes;
export function megabytes(bytes: number): string;
export function describeSizes(sizes: PackageSizes): string;
