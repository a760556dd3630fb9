import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The folder holding package.json, found by walking up from this file: `src/` under tsx,
 * `dist/src/` once compiled. Assets (`locales/`, `cards/`) are read from here, never from
 * beside the compiled code, so `npm run build` need not copy them.
 */
export function findPackageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const packageRoot = findPackageRoot();
