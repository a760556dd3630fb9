import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { chatWith } from '../fixtures/chat';
import { boxVersionsInBytes, pairVotersWithChoices } from './forensics/ballot-forensics';

let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

const deputy: Person = { id: '29:eva', name: 'Eva Nilsen', aadObjectId: '6f1c2a4e-1b2c-4d3e-8f40-000000000005' };
const where = { kind: 'channel' as const };

const chat = chatWith(() => bot);
/** Votes are opened, cast and asked about in the board's channel. */
const press = (from: Person, verb: string, data: object, actionId?: string) =>
  chat.press(from, verb, data, where, actionId);
const say = (from: Person, text: string) => chat.say(from, text, where);

async function openVote(settings: Record<string, string> = {}) {
  // The form is replaced by the vote itself (a card), so it cannot open a second one.
  const opened = await chat.pressForCard(
    people.coordinator,
    'vote.open',
    { title: 'Handlingsplan 2027', body: 'styret', ...settings },
    where,
  );
  expect(opened).not.toContain('"verb":"vote.open"');
  const id = /Avstemning ([A-Z0-9]{5}) er åpnet/.exec(opened)?.[1];
  expect(id).toBeDefined();
  return id!;
}

describe('voting over HTTP', () => {
  it('avstemning shows the settings form to the coordinator, and is refused to a plain member', async () => {
    await say(people.coordinator, 'avstemning Budsjett 2027');
    const form = bot.connector.cards()[0];
    expect(JSON.stringify(form)).toContain('Budsjett 2027');
    expect(JSON.stringify(form)).toContain('"verb":"vote.open"');
    await say(people.respondent, 'avstemning');
    expect(bot.connector.texts()[0]).toContain('hører ikke til rollen din');
  });

  it('opening posts the vote card; voting shows each their own choice; the result follows the rule', async () => {
    const id = await openVote();
    const posted = bot.connector.cards().find((c) => JSON.stringify(c).includes(`Avstemning ${id}`));
    expect(posted).toBeDefined();
    expect(JSON.stringify(posted)).toContain('0 av 7 har stemt');

    const ola = await press(people.boardMember, 'vote.cast', { voteId: id, option: 'for' });
    expect(ola).toContain('Du har stemt: For');
    expect(ola).toContain('1 av 7 har stemt');
    expect(ola).not.toContain('Vedtatt'); // interim results hidden
    const marit = await press(people.respondent, 'vote.cast', { voteId: id, option: 'against' });
    expect(marit).toContain('Du har stemt: Mot');
    // Marit changes her mind: the later ballot replaces the earlier.
    const changed = await press(people.respondent, 'vote.cast', { voteId: id, option: 'for' });
    expect(changed).toContain('Du har stemt: For');
    // The shared card is updated in place for everyone by a paced job, not inside the turn
    // (tests/integration/shared-card-updates.test.ts runs it on a fake clock).
    expect(bot.connector.updated).toEqual([]);
    const updates = await bot.samrad.store.find<{ kind: string; payload: { id: string } }>('jobs', {
      kind: 'card.update-shared',
    });
    expect(updates.map((j) => j.value.payload.id)).toContain(id);
    expect(bot.connector.unexpected).toEqual([]);

    const text = await press(people.coordinator, 'vote.close', { voteId: id });
    expect(text).toContain('Ikke beslutningsdyktig'); // 2 of 7 voted, at least 4 needed
    expect(text).toContain('Ola Berg (Ringerike): For');
    expect(text).toContain('Marit Kvam (Gol): For');
    const audit = await bot.samrad.store.find<{ details: { voteId: string; outcome: string } }>('auditLog', {
      kind: 'vote.closed',
    });
    expect(audit.map((a) => a.value.details)).toContainEqual(
      expect.objectContaining({ voteId: id, outcome: 'no-quorum' }),
    );
  });

  it('refuses, with a message and nothing recorded: no vote, an unknown option, another vote, after close', async () => {
    const id = await openVote();
    const ineligible = await press(deputy, 'vote.cast', { voteId: id, option: 'for' });
    expect(ineligible).toContain('Du har ikke stemmerett i denne avstemningen. Ingenting er registrert.');
    const unknown = await press(people.boardMember, 'vote.cast', { voteId: id, option: 'kanskje' });
    expect(unknown).toContain('«kanskje» er ikke et alternativ');
    const other = await press(people.boardMember, 'vote.cast', { voteId: 'ZZZZZ', option: 'for' });
    expect(other).toContain('Jeg finner ingen avstemning ZZZZZ');
    expect(await press(people.boardMember, 'vote.refresh', { voteId: id })).toContain('0 av 7 har stemt');
    await press(people.coordinator, 'vote.close', { voteId: id });
    const late = await press(people.boardMember, 'vote.cast', { voteId: id, option: 'for' });
    expect(late).toContain('Avstemningen er lukket. Stemmen ble ikke registrert.');
    await say(people.respondent, `stemmer ${id}`);
    expect(JSON.stringify(bot.connector.cards()[0])).toContain('0 av 7 har stemt');
  });

  it('a retried invoke counts once; only the coordinator, the opener or the chair may close', async () => {
    const id = await openVote({ interimResults: 'shown' });
    await Promise.all([
      press(people.boardMember, 'vote.cast', { voteId: id, option: 'for' }, 'same-invoke'),
      press(people.boardMember, 'vote.cast', { voteId: id, option: 'for' }, 'same-invoke'),
    ]);
    const view = await press(people.respondent, 'vote.close', { voteId: id });
    expect(view).toContain('Bare koordinatoren');
    expect(view).toContain('1 av 7 har stemt');
  });

  it('a secret ballot shows that you voted, never what, and keeps no link between voter and choice', async () => {
    const id = await openVote({ secrecy: 'secret', changeAllowed: 'false' });
    const ola = await press(people.boardMember, 'vote.cast', { voteId: id, option: 'against' });
    expect(ola).toContain('Stemmen din er hemmelig');
    expect(ola).not.toContain('Mot');
    const box = await bot.samrad.store.get<{ participation: object[] }>('ballotBoxes', id);
    const stored = JSON.stringify(box?.value);
    expect(stored).toContain('ola-berg');
    expect(stored).not.toMatch(/ola-berg[^}]*against|against[^}]*ola-berg/);
    await press(people.respondent, 'vote.cast', { voteId: id, option: 'for' });
    // The database file and its WAL as a copy of the running server would hold them: one
    // version of the box, so no two versions to diff.
    const file = join(bot.dir, 'samrad.db');
    const raw = Buffer.concat([
      readFileSync(file),
      existsSync(`${file}-wal`) ? readFileSync(`${file}-wal`) : Buffer.alloc(0),
    ]);
    const versions = boxVersionsInBytes(raw, id);
    expect(versions.map((v) => v.voters)).toEqual([['ola-berg', 'marit-kvam']]);
    expect(pairVotersWithChoices(versions).size).toBe(0);
    expect(bot.logs.join('\n')).not.toContain('against');
  });
});

describe('a choice among alternatives', () => {
  it('offers the alternatives as buttons and the one with most votes is chosen', async () => {
    const id = await openVote({
      alternatives: 'Drammen\nKongsberg\nHønefoss',
      quorum: 'none',
      interimResults: 'shown',
    });
    const card = await press(people.boardMember, 'vote.cast', { voteId: id, option: 'a2' });
    expect(card).toContain('Du har stemt: Kongsberg');
    expect(card).toContain('"title":"Hønefoss"');
    await press(people.respondent, 'vote.cast', { voteId: id, option: 'a2' });
    await press(people.guest, 'vote.cast', { voteId: id, option: 'a1' });
    const closed = await press(people.coordinator, 'vote.close', { voteId: id });
    expect(closed).toContain('Valgt: Kongsberg');
  });

  it('refuses a single alternative, and two thirds among alternatives', async () => {
    const one = await press(people.coordinator, 'vote.open', { title: 'X', body: 'styret', alternatives: 'Bare én' });
    expect(one).toContain('minst to alternativer');
    const twoThirds = await press(people.coordinator, 'vote.open', {
      title: 'X',
      body: 'styret',
      alternatives: 'A\nB',
      rule: 'two-thirds',
    });
    expect(twoThirds).toContain('flest stemmer');
  });
});

describe('many alternatives', () => {
  it('become a list with one button, within the five actions Teams shows', async () => {
    const id = await openVote({ alternatives: 'A\nB\nC\nD\nE\nF', quorum: 'none' });
    const card = await press(people.boardMember, 'vote.refresh', { voteId: id });
    expect(card).toContain('"id":"option"');
    const voted = await press(people.boardMember, 'vote.cast', { voteId: id, option: 'a4' }); // Teams merges the list's value into the data
    expect(voted).toContain('Du har stemt: D');
  });
});

describe('the language of a card', () => {
  it('stays the language the card was written in when pressed from an English client', async () => {
    const id = await openVote();
    const english = { kind: 'channel', locale: 'en-US' } as const;
    const pressed = await chat.press(
      people.boardMember,
      'vote.cast',
      { voteId: id, option: 'for', lang: 'nb' },
      english,
    );
    expect(pressed).toContain('Du har stemt: For');
    const unmarked = await chat.press(people.respondent, 'vote.cast', { voteId: id, option: 'for' }, english);
    expect(unmarked).toContain('You voted: For');
  });
});

describe('a payload that names someone else', () => {
  it('is refused, and the ballot is never counted for the person named', async () => {
    const id = await openVote();
    const forged = await press(people.respondent, 'vote.cast', {
      voteId: id,
      option: 'against',
      voterKey: 'ola-berg',
      castBy: 'ola-berg',
      memberId: 'ola-berg',
    });
    expect(forged).toContain('Du har ikke stemmerett');
    const box = await bot.samrad.store.get<{ ballots: { voterKey: string; castBy: string }[] }>('ballotBoxes', id);
    expect(box?.value.ballots).toEqual([]);
    // Named as themselves, the same person's vote counts as theirs.
    await press(people.respondent, 'vote.cast', { voteId: id, option: 'for', castBy: 'ola-berg' });
    const after = await bot.samrad.store.get<{ ballots: { voterKey: string; castBy: string }[] }>('ballotBoxes', id);
    expect(after?.value.ballots.map((b) => [b.voterKey, b.castBy])).toEqual([['marit-kvam', 'marit-kvam']]);
  });
});
