import { describe, expect, it } from 'vitest';
import { composeSamrad } from '../../src/compose';
import { silentLogger } from '../../src/log';
import { cardAction, installation, message, people, TEAM_ID, type Person } from '../fixtures/activities';
import { FakeConnector } from '../fixtures/fake-connector';
import { temporaryLocalConfig } from '../fixtures/local-config';
import { idleTimer } from '../unit/scheduling/scheduling-fixtures';

const eva: Person = { id: '29:eva', name: 'Eva Nilsen', aadObjectId: '6f1c2a4e-1b2c-4d3e-8f40-000000000005' };
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 20));

describe('distributing a hearing when the process dies between sends', () => {
  it('after a restart every respondent and deputy has exactly one card, and the channel one notice', async () => {
    const config = temporaryLocalConfig({ prefix: 'samrad-hearing-crash-' });
    const connector = new FakeConnector();
    await connector.start();
    let now = new Date('2026-11-23T10:00:00Z');
    const clock = { now: () => now };
    const first = await composeSamrad(config, { log: silentLogger, clock, timer: idleTimer });
    const url = await first.listen();
    const post = (activity: object) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    for (const p of [people.boardMember, people.respondent, eva]) await post(installation(connector.url, p));
    await post(message(connector.url, people.coordinator, 'hjelp', { kind: 'channel' }));
    await post(
      cardAction(
        connector.url,
        people.coordinator,
        'hearing.register',
        { title: 'Ny forskrift', issuer: 'Helsedirektoratet', externalDeadline: '2026-12-15', questions: 'Enig?' },
        { kind: 'channel' },
      ),
    );
    connector.clear();

    await first.jobs.runDue(); // the distribution job schedules one card job per person and municipality
    connector.stallAfter = 2; // two cards go out, then the process "dies" with the rest in flight
    const dying = first.jobs.runDue();
    while (connector.stalledCount < 3) await settle();
    expect(connector.sent).toHaveLength(2);

    const second = await composeSamrad(config, { log: silentLogger, clock, timer: idleTimer });
    connector.stallAfter = Infinity;
    now = new Date(now.getTime() + 3 * 60_000); // the dead process's lease has run out
    await second.jobs.runDue();
    await second.jobs.runDue();

    const count = (conversationId: string) => connector.sent.filter((s) => s.conversationId === conversationId).length;
    expect(count(`a:personal-${people.boardMember.id}`)).toBe(1);
    expect(count(`a:personal-${people.respondent.id}`)).toBe(1);
    expect(count(`a:personal-${eva.id}`)).toBe(2); // Hole, and Ringerike as deputy
    expect(count(TEAM_ID)).toBe(1);
    const cards = await second.store.find<{ state: string }>('jobs', { kind: 'outbox.message' });
    expect(cards.map((c) => c.value.state)).toEqual(cards.map(() => 'done'));

    connector.releaseStalled(); // the old process's sends fail; its late writes are fenced off
    await dying;
    expect(connector.sent).toHaveLength(5);
    const after = await second.store.find<{ state: string }>('jobs', { kind: 'outbox.message' });
    expect(after.map((c) => c.value.state)).toEqual(after.map(() => 'done'));
    await first.close();
    await second.close();
    await connector.stop();
  });
});
