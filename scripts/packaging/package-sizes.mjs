// The package's sizes against the budget of issue 12 (item 5): what `npm run dist` prints and the
// offline packaging test asserts.
import fs from 'node:fs';
import path from 'node:path';

export const BUDGET = { asarBytes: 25 * 1024 * 1024, unpackedBytes: 3 * 1024 * 1024 };

function treeBytes(target) {
  const stat = fs.lstatSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.size;
  return fs.readdirSync(target).reduce((sum, name) => sum + treeBytes(path.join(target, name)), 0);
}

/** app.asar and app.asar.unpacked in a packed app's resources folder. */
export function packageSizes(resourcesDir) {
  return {
    asarBytes: treeBytes(path.join(resourcesDir, 'app.asar')),
    unpackedBytes: treeBytes(path.join(resourcesDir, 'app.asar.unpacked')),
  };
}

export function megabytes(bytes) {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** One line, e.g. "app.asar 20.1 MB (budget 25 MB), app.asar.unpacked 2.2 MB (budget 3 MB)". */
export function describeSizes(sizes) {
  return (
    `app.asar ${megabytes(sizes.asarBytes)} (budget ${megabytes(BUDGET.asarBytes)}), ` +
    `app.asar.unpacked ${megabytes(sizes.unpackedBytes)} (budget ${megabytes(BUDGET.unpackedBytes)})`
  );
}
