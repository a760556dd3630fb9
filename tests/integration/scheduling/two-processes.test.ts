import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../src/adapters/sqlite/sqlite-store';
import { JobScheduler } from '../../../src/app/scheduling/scheduler';
import { systemClock } from '../../../src/ports/clock';

const run = promisify(execFile);
const worker = join(__dirname, 'runner-process.ts');
const root = join(__dirname, '..', '..', '..');

describe('two real processes on one SQLite file', () => {
  it('run 200 due jobs between them, each exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samrad-procs-'));
    const file = join(dir, 'samrad.db');
    const out = join(dir, 'runs.txt');
    writeFileSync(out, '');
    const store = new SqliteStore(file);
    await new JobScheduler(store, systemClock).scheduleMany(
      Array.from({ length: 200 }, (_, i) => ({
        id: `reminder:h7:${i}`,
        kind: 'reminder',
        dueAt: new Date(0),
        payload: {},
      })),
    );
    await store.close();

    const go = join(dir, 'go');
    const owners = ['process-a', 'process-b'];
    const processes = owners.map((owner) =>
      run(process.execPath, ['--import', 'tsx', worker, file, owner, out, go], { cwd: root }),
    );
    let exited = false;
    void Promise.allSettled(processes).then(() => (exited = true)); // a crashed worker ends the wait
    const waiting = () => !exited && !owners.every((o) => existsSync(`${go}.${o}.ready`)); // reads `exited` as it is now
    while (waiting()) await new Promise((r) => setTimeout(r, 10));
    writeFileSync(go, '');
    await Promise.all(processes);

    const runs = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(' ') as [string, string]);
    const perJob = new Map<string, number>();
    for (const [id] of runs) perJob.set(id, (perJob.get(id) ?? 0) + 1);
    expect(perJob.size).toBe(200);
    expect([...perJob].filter(([, n]) => n > 1)).toEqual([]);
    expect(runs).toHaveLength(200);
    const byOwner = new Map<string, number>();
    for (const [, owner] of runs) byOwner.set(owner, (byOwner.get(owner) ?? 0) + 1);
    // Both really worked the same jobs at the same time, or the test would prove nothing.
    expect(owners.map((o) => byOwner.get(o) ?? 0).every((n) => n > 0)).toBe(true);
  });
});
