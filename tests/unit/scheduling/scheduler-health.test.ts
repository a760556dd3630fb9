import { describe, expect, it } from 'vitest';
import type { SchedulerIncident } from '../../../src/app/scheduling/scheduler-health';
import { SchedulerHealth } from '../../../src/app/scheduling/scheduler-health';
import { createLogger } from '../../../src/log';
import { StoreError } from '../../../src/ports/record-store';
import { ManualClock, t0 } from './scheduling-fixtures';

const setup = (tell?: (i: SchedulerIncident) => Promise<void>) => {
  const clock = new ManualClock();
  const lines: { level: string; event: string }[] = [];
  const logger = createLogger('debug', (l) => lines.push(JSON.parse(l) as { level: string; event: string }));
  const told: SchedulerIncident[] = [];
  const health = new SchedulerHealth({ clock, logger, tell: tell ?? (async (i) => void told.push(i)) });
  const events = (name: string) => lines.filter((l) => l.event === name);
  return { clock, lines, told, health, events };
};

const refused = () => new StoreError('STORE.UNAVAILABLE', 'jobs', '*');

describe('the scheduler health: an incident is passes failing in a row', () => {
  it('one or two failed passes are a blip: still ready, nothing at info level, nobody told', async () => {
    const { health, lines, told } = setup();
    health.failed(refused());
    health.failed(refused());
    health.passed();
    await health.settled();
    expect(health.readiness()).toEqual({ ready: true });
    expect(lines.filter((l) => l.level !== 'debug')).toEqual([]);
    expect(told).toEqual([]);
  });

  it('the third failed pass starts it: not ready with a reason and since when; logged and told once however long it lasts', async () => {
    const { health, clock, told, events } = setup();
    health.failed(refused());
    clock.advance(5_000);
    health.failed(refused());
    clock.advance(5_000);
    health.failed(refused());
    for (let i = 0; i < 50; i++) {
      clock.advance(5_000);
      health.failed(refused());
    }
    await health.settled();
    const readiness = health.readiness();
    expect(readiness).toMatchObject({ ready: false, since: t0.toISOString(), failedPasses: 53 });
    expect(!readiness.ready && readiness.reason).toContain('STORE.UNAVAILABLE');
    expect(events('scheduler.unavailable')).toHaveLength(1);
    expect(events('scheduler.recovered')).toHaveLength(0);
    expect(told).toEqual([
      { phase: 'started', since: t0.toISOString(), at: new Date(t0.getTime() + 10_000).toISOString() },
    ]);
  });

  it('the first pass that runs ends it: ready again, logged once, told once, and a new streak is a new incident', async () => {
    const { health, clock, told, events } = setup();
    for (let i = 0; i < 4; i++) health.failed(refused());
    clock.advance(60_000);
    health.passed();
    health.passed();
    await health.settled();
    expect(health.readiness()).toEqual({ ready: true });
    expect(events('scheduler.recovered')).toHaveLength(1);
    expect(told.map((i) => i.phase)).toEqual(['started', 'ended']);
    for (let i = 0; i < 3; i++) health.failed(refused());
    await health.settled();
    expect(events('scheduler.unavailable')).toHaveLength(2);
    expect(told.map((i) => i.phase)).toEqual(['started', 'ended', 'started']);
  });

  it('shows no internals: an error that is not one of our codes leaves only the general reason', () => {
    const { health } = setup();
    const leaky = Object.assign(new Error('connect ECONNREFUSED 10.0.0.7:443 at Socket.connect (node:net:1)'), {
      code: 'ECONNREFUSED',
    });
    for (let i = 0; i < 3; i++) health.failed(leaky);
    const readiness = health.readiness();
    expect(readiness.ready).toBe(false);
    expect(JSON.stringify(readiness)).not.toMatch(/10\.0\.0\.7|ECONNREFUSED|node:net/);
  });

  it('a message that cannot be sent is logged and not retried; "over" still follows "started"', async () => {
    const calls: string[] = [];
    const { health, events } = setup(async (i) => {
      calls.push(i.phase);
      throw new Error('Teams is down too');
    });
    for (let i = 0; i < 3; i++) health.failed(refused());
    health.passed();
    await health.settled();
    expect(calls).toEqual(['started', 'ended']);
    expect(events('scheduler.incident-not-told')).toHaveLength(2);
  });
});
