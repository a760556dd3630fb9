import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPackageRoot, packageRoot } from '../../src/package-root';

describe('the package root', () => {
  it('is the checkout, where locales/ and cards/ are', () => {
    expect(existsSync(join(packageRoot, 'package.json'))).toBe(true);
    expect(existsSync(join(packageRoot, 'locales', 'nb'))).toBe(true);
    expect(existsSync(join(packageRoot, 'cards'))).toBe(true);
  });

  it('is found from the compiled layout too (dist/src/...)', () => {
    const root = mkdtempSync(join(tmpdir(), 'samrad-root-'));
    writeFileSync(join(root, 'package.json'), '{}');
    mkdirSync(join(root, 'dist', 'src', 'i18n'), { recursive: true });
    expect(findPackageRoot(join(root, 'dist', 'src', 'i18n'))).toBe(root);
  });
});
