import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BallotBox, NamedBallot } from '../../src/domain/ballot';
import type { VoteRecord } from '../../src/app/voting/vote-records';
import { choose, press } from './fixtures/card-helpers';
import { shotsDir, type PlaygroundSession } from './fixtures/playground-session';
import { cardText, playgroundSuite } from './fixtures/playground-suite';

/**
 * One vote, from the coordinator's form to the result card, with three voters each in
 * their own playground session while the bot keeps running. The playground keeps no chat
 * history across restarts, so each voter fetches the card with `stemmer <id>`.
 *
 * Language: the playground's client locale is fixed at en-US, but typed Norwegian commands
 * are answered in Norwegian, and a card answers in the language it was written in when
 * pressed, so the whole vote stays Norwegian.
 */
let voteId = '';
const suite = playgroundSuite('vote');
const as = (person: string) => suite.as(person);

/** The vote card as this person sees it, fetched with `stemmer <id>` in their personal chat. */
async function voteCardFor(s: PlaygroundSession): Promise<Locator> {
  await s.say(`stemmer ${voteId}`);
  const card = s.card(`Avstemning ${voteId}`);
  await card.waitFor();
  return card;
}

/** Presses an option; the invoke's answer replaces the card with the presser's own view. */
async function vote(s: PlaygroundSession, option: string, expected: string): Promise<Locator> {
  await press(s.card(voteId), option);
  const card = s.card(expected);
  await card.waitFor();
  return card;
}

const text = cardText;

describe('a named vote in the Agents Playground: three voters, one changes their mind', () => {
  it('the coordinator opens it from the form with no quorum requirement', async () => {
    const s = await as('coordinator');
    await s.say('avstemning Handlingsplan 2027');
    const form = s.card('Ny avstemning');
    await form.waitFor();
    await expect(form.getByRole('textbox', { name: /^Hva skal det stemmes over\?/ }).inputValue()).resolves.toBe(
      'Handlingsplan 2027',
    );
    await choose(form, 'Beslutningsdyktighet', 'Ingen krav til deltakelse');
    await s.screenshot('vote-form');
    await press(form, 'Åpne avstemningen');

    // The form becomes the vote (so it cannot open a second one), and the vote is posted.
    const own = s.card(/Avstemning [A-Z0-9]{5} er åpnet/);
    await own.waitFor();
    voteId = /Avstemning ([A-Z0-9]{5}) er åpnet/.exec(await text(own))?.[1] ?? '';
    expect(voteId).toMatch(/^[A-Z0-9]{5}$/);
    await expect(text(own)).resolves.not.toContain('Åpne avstemningen');
    const posted = s.card(new RegExp(`Avstemning ${voteId} · Samarbeidsstyret`));
    await posted.waitFor();
    await expect(text(posted)).resolves.toContain('0 av 7 har stemt.');
    await expect(text(posted)).resolves.toContain('Ingen krav til deltakelse');
    await s.screenshot('vote-opened');

    const stored = await suite.samrad().store.get<VoteRecord>('votes', voteId);
    expect(stored?.value).toMatchObject({
      title: 'Handlingsplan 2027',
      state: 'open',
      openedBy: 'ingrid-haugen',
      body: 'styret',
    });
    expect(stored?.value.settings).toMatchObject({ quorum: { kind: 'none' }, secrecy: 'named', changeAllowed: true });
  });

  it('the chair of the board votes For', async () => {
    const s = await as('board-member');
    const card = await voteCardFor(s);
    await expect(text(card)).resolves.toContain('0 av 7 har stemt.');
    const mine = await vote(s, 'For', 'Du har stemt: For.');
    await expect(text(mine)).resolves.toContain('1 av 7 har stemt.');
    await s.screenshot('voted-for');
  });

  it('a board member votes Mot, then changes to For on the card she got back', async () => {
    const s = await as('respondent');
    const card = await voteCardFor(s);
    await expect(text(card)).resolves.toContain('1 av 7 har stemt.');
    const against = await vote(s, 'Mot', 'Du har stemt: Mot.');
    await expect(text(against)).resolves.toContain('2 av 7 har stemt.');
    await s.screenshot('voted-against');
    const changed = await vote(s, 'For', 'Du har stemt: For.');
    await expect(text(changed)).resolves.toContain('2 av 7 har stemt.'); // a change, not another ballot
    await expect(text(changed)).resolves.not.toContain('Du har stemt: Mot');
    await s.screenshot('changed-to-for');
  });

  it('the guest from Drammen votes Mot', async () => {
    const s = await as('guest');
    const card = await voteCardFor(s);
    await expect(text(card)).resolves.toContain('2 av 7 har stemt.');
    const mine = await vote(s, 'Mot', 'Du har stemt: Mot.');
    await expect(text(mine)).resolves.toContain('3 av 7 har stemt.');
    await s.screenshot('voted-against');
  });

  it('the coordinator closes it, and the result card and the store agree: adopted 2 to 1', async () => {
    const s = await as('coordinator');
    await s.say(`lukk avstemning ${voteId}`);
    const result = s.card('Slik ble det stemt');
    await result.waitFor();
    const shown = await text(result);
    expect(shown).toContain(`Avstemning ${voteId} · Samarbeidsstyret`);
    expect(shown).toContain('Avstemningen er lukket');
    expect(shown).toContain('Vedtatt');
    expect(shown).not.toContain('Ikke vedtatt');
    // The playground draws the counts as a bar chart (issue 16, part 7): the options are its
    // labels, the counts its bars (checked against the store below and per voter here).
    expect(shown).toMatch(/\bFor\s*Mot\s*Avstår\b/);
    expect(shown).toContain('3 av 7 deltok (ingen krav til deltakelse)');
    expect(shown).toContain('Ola Berg (Ringerike): For');
    expect(shown).toContain('Marit Kvam (Gol): For');
    expect(shown).toContain('Siri Lie (Drammen): Mot');
    expect(shown).not.toContain('Marit Kvam (Gol): Mot');
    // Closed: no buttons left to vote or close with.
    await expect(result.getByRole('button', { name: 'For', exact: true }).count()).resolves.toBe(0);
    await expect(result.getByRole('button', { name: 'Lukk avstemningen' }).count()).resolves.toBe(0);
    await result.scrollIntoViewIfNeeded();
    await s.screenshot('vote-result');
    await result.screenshot({ path: join(shotsDir, 'coordinator-vote-result-card.png') });

    const stored = await suite.samrad().store.get<VoteRecord>('votes', voteId);
    expect(stored?.value.state).toBe('closed');
    const box = (await suite.samrad().store.get<BallotBox>('ballotBoxes', voteId))?.value;
    expect(box?.secrecy).toBe('named');
    const ballots = box?.secrecy === 'named' ? box.ballots : [];
    const latest = new Map<string, NamedBallot>();
    for (const b of ballots) if ((latest.get(b.voterKey)?.version ?? 0) < b.version) latest.set(b.voterKey, b);
    expect(Object.fromEntries([...latest].map(([k, b]) => [k, b.option]))).toEqual({
      'ola-berg': 'for',
      'marit-kvam': 'for',
      'siri-lie': 'against',
    });
    // Marit's first ballot is kept as an earlier version, not overwritten.
    expect(ballots.filter((b) => b.voterKey === 'marit-kvam').map((b) => b.option)).toEqual(['against', 'for']);
    const audit = await suite
      .samrad()
      .store.find<{ details: Record<string, unknown> }>('auditLog', { kind: 'vote.closed' });
    expect(audit.map((a) => a.value.details)).toContainEqual({ voteId, outcome: 'adopted', voted: 3, eligible: 7 });
  });
});
