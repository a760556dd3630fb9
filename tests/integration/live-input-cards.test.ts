import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installation, people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { expectValidCards } from '../fixtures/card-validation';
import { chatWith } from '../fixtures/chat';
import { TeamsLimitEnforcer } from '../fixtures/teams-limit-enforcer';
import { idleTimer } from '../unit/scheduling/scheduling-fixtures';

/**
 * Findings 7, 8 and 13 of issue 16. A board meeting planned inside the input lead time: the
 * cards used to go out at once with only the approval of the minutes, went stale with every
 * case added, `be om innspill` sent a second card, and a stale card saved nothing. Now the
 * first case sends one card per respondent, later changes update it in place, and a stale
 * submit keeps what still applies. The card shows each case's background and documents, and
 * the meeting's formøte is on the meeting card, `saksliste` and `møter`.
 */
let now = new Date('2026-11-23T10:00:00Z');
let bot: BotUnderTest;
let meetingId = '';
const marit = people.respondent; // Gol's respondent

beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now }, timer: idleTimer });
  bot.connector.limits = new TeamsLimitEnforcer();
  for (const p of [people.coordinator, people.boardMember, marit]) await bot.post(installation(bot.connector.url, p));
});
afterAll(async () => bot.stop());

const { say, press } = chatWith(() => bot);
/** Runs what is due now and 3 s later (the coalesced updates), with nothing left over. */
async function runJobs(): Promise<void> {
  bot.connector.clear();
  for (let i = 0; i < 3; i++) await bot.samrad.jobs.runDue(now);
  now = new Date(now.getTime() + 3_000);
  for (let i = 0; i < 2; i++) await bot.samrad.jobs.runDue(now);
  expectValidCards(bot.connector.cards());
}
const inputCardsSentTo = (p: Person) =>
  bot.connector.sent
    .filter((s) => s.conversationId === `a:personal-${p.id}`)
    .map((s) => JSON.stringify(s.activity))
    .filter((a) => a.includes('Innspill fra'));
const inputCardsUpdatedFor = (p: Person) =>
  bot.connector.updated
    .filter((u) => u.conversationId === `a:personal-${p.id}`)
    .map((u) => JSON.stringify(u.activity))
    .filter((a) => a.includes('Innspill fra'));
const itemIdsOf = (card: string) => {
  const groups = /\\"itemIds\\":\\"([^\\]*)\\"|"itemIds":"([^"]*)"/.exec(card)!.slice(1);
  // The group that did not match is undefined, whatever RegExpExecArray's type says.
  return (groups as (string | undefined)[]).find((x) => x !== undefined)!;
};
const versionOf = async () => (await bot.samrad.store.get<{ version: number }>('meetings', meetingId))!.value.version;

describe('input cards that follow their agenda', () => {
  let cardV1 = { version: 0, itemIds: '' };

  it('the meeting card from the form shows the formøte (finding 8)', async () => {
    const created = await press(people.coordinator, 'meeting.create', {
      body: 'styret',
      title: 'Styremøte',
      date: '2026-11-27',
      startTime: '10:00',
      endTime: '12:00',
      online: 'true',
    });
    meetingId = /Møte \d+\/2026 · ([A-Z0-9]{5})/.exec(created)![1]!;
    expect(created).toContain('Formøte');
    expect(created).toMatch(/"Formøte","value":"fredag 27\. november 2026 kl\. 08\.00/);
  });

  it('no input card goes out while the agenda holds only the approval of the minutes', async () => {
    await runJobs();
    expect(inputCardsSentTo(marit)).toEqual([]);
    expect(await say(marit, `gi innspill ${meetingId}`)).toContain('ingen saker å gi innspill på');
  });

  it('the first case sends one card per respondent, with its background and documents (finding 7)', async () => {
    await press(people.coordinator, 'agenda.add', {
      meetingId,
      title: 'Handlingsplan 2027',
      background: 'Planen bygger på evalueringen fra 2025.',
      proposal: 'Styret vedtar handlingsplanen.',
      documents: 'Utkast til plan | https://samarbeid.example.no/plan.pdf',
    });
    await runJobs();
    const sent = inputCardsSentTo(marit);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('Planen bygger på evalueringen fra 2025.');
    expect(sent[0]).toContain('https://samarbeid.example.no/plan.pdf');
    cardV1 = { version: await versionOf(), itemIds: itemIdsOf(sent[0]!) };
    expect(cardV1.itemIds.split(',')).toHaveLength(1);
  });

  it('saksliste shows the background, the documents and the formøte; møter the formøte (findings 7, 8)', async () => {
    const agenda = await say(marit, `saksliste ${meetingId}`);
    expect(agenda).toContain('Planen bygger på evalueringen fra 2025.');
    expect(agenda).toContain('https://samarbeid.example.no/plan.pdf');
    expect(agenda).toContain('Formøte');
    expect(await say(marit, 'møter')).toMatch(/formøte 27\.11\.2026 kl\. 08\.00/);
  });

  it('be om innspill again updates the card in place with the new deadline; no second card', async () => {
    expect(await say(people.coordinator, `be om innspill ${meetingId} frist 2026-11-26 12:00`)).toContain(
      '26.11.2026 kl. 12.00',
    );
    await runJobs();
    expect(inputCardsSentTo(marit)).toEqual([]);
    const updated = inputCardsUpdatedFor(marit);
    expect(updated.length).toBeGreaterThanOrEqual(1);
    expect(updated.at(-1)).toContain('26.11.2026 kl. 12.00');
  });

  it('a case added later updates the card in place', async () => {
    await press(people.coordinator, 'agenda.add', {
      meetingId,
      title: 'Budsjett 2027',
      proposal: 'Styret vedtar budsjettet.',
    });
    await runJobs();
    expect(inputCardsSentTo(marit)).toEqual([]);
    expect(inputCardsUpdatedFor(marit).at(-1)).toContain('Budsjett 2027');
  });

  it('a stale card saves what it can as a draft and says which case was added', async () => {
    const answered = await press(marit, 'input.submit', {
      meetingId,
      municipality: '3324',
      ...cardV1,
      'position-0': 'support',
      'text-0': 'Gol støtter planen.',
    });
    expect(answered).not.toContain('Ingenting er lagret');
    expect(answered).toContain('Ny sak: Sak 3/2026 Budsjett 2027');
    expect(answered).toContain('Gol støtter planen.');
    const stored = await bot.samrad.store.get<{
      answers: {
        status: string;
        meetingVersion: number;
        items: { itemId: string; position?: string; text: string }[];
      }[];
    }>('inputAnswers', `${meetingId}:3324`);
    const latest = stored!.value.answers.at(-1)!;
    expect(latest.status).toBe('draft');
    expect(latest.meetingVersion).toBe(await versionOf());
    expect(latest.items).toEqual([{ itemId: cardV1.itemIds, position: 'support', text: 'Gol støtter planen.' }]);
  });

  it('a withdrawn case leaves the card, and a stale card naming it says it was removed', async () => {
    const cardV2 = {
      version: await versionOf(),
      itemIds: (await bot.samrad.store.get<{ agenda: { id: string; kind: string }[] }>(
        'meetings',
        meetingId,
      ))!.value.agenda
        .filter((i) => i.kind === 'case')
        .map((i) => i.id)
        .join(','),
    };
    expect(await say(people.coordinator, 'trekk sak 2/2026')).toContain('Handlingsplan 2027');
    await runJobs();
    const updated = inputCardsUpdatedFor(marit).at(-1)!;
    expect(updated).toContain('Budsjett 2027');
    expect(updated).not.toContain('Sak 2/2026 Handlingsplan 2027');
    const answered = await press(marit, 'input.save', {
      meetingId,
      municipality: '3324',
      ...cardV2,
      'position-0': 'support',
      'position-1': 'against',
      'text-1': 'For stramt.',
    });
    expect(answered).toContain('Denne saken er tatt av sakslisten: Sak 2/2026 Handlingsplan 2027');
    expect(answered).toContain('For stramt.');
  });
});
