import Database from 'better-sqlite3';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failedStart, freePort, packageRoot } from '../fixtures/spawned-server';

function folder() {
  const dir = mkdtempSync(join(tmpdir(), 'samrad-fault-'));
  chmodSync(dir, 0o755);
  copyFileSync(join(packageRoot, 'config', 'organisation.yaml'), join(dir, 'organisation.yaml'));
  chmodSync(join(dir, 'organisation.yaml'), 0o644);
  return dir;
}

/** `honourFileModes`: as root, the server runs without the capabilities that ignore file modes. */
async function start(dir: string, db: string, honourFileModes = false, fileSizeLimitBlocks?: number) {
  return failedStart({
    ...(fileSizeLimitBlocks !== undefined && { fileSizeLimitBlocks }),
    cwd: dir,
    env: {
      SAMRAD_DB: db,
      SAMRAD_ORGANISATION: join(dir, 'organisation.yaml'),
      SAMRAD_DOCUMENTS_DIR: join(dir, 'documents'),
      PORT: String(await freePort()),
    },
    honourFileModes,
  });
}

function expectOneClearLine(result: { code: number | null; stderr: string }, says: RegExp) {
  expect(result.code).not.toBe(0);
  // Node's own warnings (restify reads a deprecated binding) are Node's lines, not ours.
  const lines = result.stderr
    .trim()
    .split('\n')
    .filter((l) => !/^\(node:\d+\)|^\(Use `node/.test(l));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/SAMRAD_DB=/);
  expect(lines[0]).toMatch(says);
  expect(lines.join('\n')).not.toMatch(/^\s+at |Error:|node_modules/m);
}

describe('the server refuses to start on a database it cannot use, in one line naming SAMRAD_DB', () => {
  it('a folder where the file should be', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'samrad.db'));
    expectOneClearLine(await start(dir, join(dir, 'samrad.db')), /cannot be opened.*point SAMRAD_DB/);
  });

  it('a file where its folder should be', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'data'), 'a file, not a folder');
    expectOneClearLine(await start(dir, join(dir, 'data', 'samrad.db')), /no usable folder/);
  });

  it('a file that is not a database', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'samrad.db'), 'This is a text file that happens to carry the name. '.repeat(200));
    expectOneClearLine(await start(dir, join(dir, 'samrad.db')), /not a Samråd database.*backup/);
  });

  it('a database locked by another process', async () => {
    const dir = folder();
    const file = join(dir, 'samrad.db');
    const holder = new Database(file);
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('CREATE TABLE held (x); BEGIN EXCLUSIVE; INSERT INTO held VALUES (1);');
    try {
      expectOneClearLine(await start(dir, file), /locked by another process/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  }, 30_000);

  it('a read-only database', async () => {
    const dir = folder();
    const file = join(dir, 'samrad.db');
    new Database(file).close(); // An empty, valid SQLite file in the default journal mode.
    chmodSync(file, 0o444);
    chmodSync(dir, 0o555);
    expectOneClearLine(await start(dir, file, true), /read-only/);
  });

  it('an unreadable database', async () => {
    const dir = folder();
    const file = join(dir, 'samrad.db');
    new Database(file).close();
    chmodSync(file, 0o000);
    expectOneClearLine(await start(dir, file, true), /cannot be opened.*unreadable/);
  });

  it('a folder it may not create', async () => {
    const dir = folder();
    mkdirSync(join(dir, 'locked'), { mode: 0o555 });
    chmodSync(join(dir, 'locked'), 0o555);
    expectOneClearLine(await start(dir, join(dir, 'locked', 'data', 'samrad.db'), true), /permission denied/);
  });

  it('a disk that takes no more bytes', async () => {
    const dir = folder();
    expectOneClearLine(await start(dir, join(dir, 'samrad.db'), false, 0), /disk may be full/);
  });
});
