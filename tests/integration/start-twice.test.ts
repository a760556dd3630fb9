import { describe, expect, it } from 'vitest';
import { composeSamrad } from '../../src/compose';
import { createLogger } from '../../src/log';
import { temporaryLocalConfig } from '../fixtures/local-config';

/**
 * Every start plans the daily retention pass, the morning board check and the year's fee
 * reminder. A server restarted (a deploy, a crash, a second instance starting) must find the
 * job already planned, not plan another: two reminders would tell the coordinator twice.
 */
const pending = async (dbConfig: ReturnType<typeof temporaryLocalConfig>, at: Date) => {
  const samrad = await composeSamrad(dbConfig, { log: createLogger('error', () => {}), clock: { now: () => at } });
  await samrad.listen();
  const jobs = await samrad.store.find<{ kind: string; state: string; dueAt: string }>('jobs', { state: 'pending' });
  await samrad.close();
  return jobs.map((j) => ({ id: j.id, kind: j.value.kind, dueAt: j.value.dueAt }));
};
const ofKind = <J extends { kind: string }>(jobs: J[], kind: string) => jobs.filter((j) => j.kind === kind);

describe('the jobs every start plans, planned once however often the server starts', () => {
  it('two starts on the same day leave one board check, one fee reminder and one retention pass', async () => {
    const config = temporaryLocalConfig({ prefix: 'samrad-start-twice-' });
    const first = await pending(config, new Date('2026-12-03T10:00:00Z'));
    const second = await pending(config, new Date('2026-12-03T10:20:00Z'));

    for (const kind of ['board.check', 'fees.remind', 'retention.daily']) {
      expect(ofKind(first, kind), kind).toHaveLength(1);
      expect(ofKind(second, kind), kind).toEqual(ofKind(first, kind));
    }
    // After 08.00 in Oslo the next check is tomorrow's; the fee is due 15 January 2027.
    expect(ofKind(second, 'board.check')[0]?.id).toBe('board.check:2026-12-04');
    expect(ofKind(second, 'fees.remind')[0]?.id).toBe('fees.remind:2027');
  });

  it('a start the next morning, before the check has run, adds no second check for the same day', async () => {
    const config = temporaryLocalConfig({ prefix: 'samrad-start-twice-' });
    await pending(config, new Date('2026-12-03T22:00:00Z'));
    const next = await pending(config, new Date('2026-12-04T06:30:00Z')); // 07.30 in Oslo
    expect(ofKind(next, 'board.check').map((j) => j.id)).toEqual(['board.check:2026-12-04']);
    expect(ofKind(next, 'fees.remind')).toHaveLength(1);
  });
});
