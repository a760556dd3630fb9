import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const adaptersDir = join(__dirname, '..', '..', 'src', 'adapters');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));

/**
 * The classes under src/adapters that implement a port, by file: the contract test of
 * that port must run against each of them, so a new adapter cannot skip its contract.
 */
export function adaptersImplementing(port: string): string[] {
  return files(adaptersDir)
    .filter((f) => f.endsWith('.ts') && new RegExp(`\\bimplements\\b[^{]*\\b${port}\\b`).test(readFileSync(f, 'utf8')))
    .map((f) => relative(adaptersDir, f))
    .sort();
}
