import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FollowUpTask } from '../../src/domain/follow-up';
import type { MinutesRecord } from '../../src/app/minutes/minutes-records';
import { choose, pickDate, pickTime, press } from './fixtures/card-helpers';
import { shotsDir } from './fixtures/playground-session';
import { cardText, playgroundSuite } from './fixtures/playground-suite';

/**
 * Minutes and follow-up in the Agents Playground: the coordinator plans a board meeting with
 * one case, writes the minutes in the form once it has begun (attendance, a vedtak), Ola and
 * Marit approve them as two people, the coordinator gives the vedtak a follow-up task for
 * Marit, and Marit gets the reminder in her chat and marks the task done. The bot's clock is
 * the real one plus an offset the test moves (as in the hearing test), so the meeting begins
 * and the reminder falls due when the test says.
 *
 * The playground's client locale is en-US; typed Norwegian commands are answered in Norwegian.
 */
let offsetMs = 0;
let meetingId = '';
let taskId = '';
const DAY = 24 * 60 * 60_000;
const suite = playgroundSuite('minutes', { clock: { now: () => new Date(Date.now() + offsetMs) } });
const as = (person: string) => suite.as(person);
const text = cardText;

/** Moves the bot's clock to this instant (UTC). */
const setClock = (iso: string) => {
  offsetMs = Date.parse(iso) - Date.now();
};
const minutesRecord = async () => (await suite.samrad().store.get<MinutesRecord>('minutes', meetingId))?.value;

// The meeting is on the 15th of the month after this one at 10:00 Oslo: the board's seats in
// config/organisation.yaml run to 31.12.2026, so the test stays inside December 2026 when it can.
const now = new Date();
const monthsAhead = now.getUTCDate() <= 10 && now.getUTCFullYear() === 2026 && now.getUTCMonth() === 11 ? 0 : 1;
const meetingDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + monthsAhead, 15));
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The day the calendar's focus is on, from its cell's label ("23, December, 2026"), or undefined. */
async function focusedDay(card: Locator): Promise<Date | undefined> {
  const label =
    (await card
      .page()
      .locator(':focus button')
      .first()
      .getAttribute('aria-label', { timeout: 500 })
      .catch(() => null)) ?? '';
  const [day, month, year] = label.split(', ');
  const m = MONTHS.indexOf(month ?? '');
  return m < 0 ? undefined : new Date(Date.UTC(Number(year), m, Number(day)));
}

/**
 * Picks a day in the card's Input.Date with the calendar's keys, from where its focus opens (today):
 * a click on a day can land on another while this card's pop-up calendar settles. It steers by the
 * focused day, one key at a time, so a key pressed before the calendar took the focus (seen under a
 * busy CI machine) is pressed again instead of leaving the focus a week short.
 */
async function pickDayByKeys(card: Locator, day: Date): Promise<string> {
  const field = card.getByPlaceholder('Select a date...');
  await field.click();
  const calendar = card.page().getByRole('dialog', { name: 'Calendar' });
  await calendar.waitFor();
  const keys: string[] = [];
  for (let step = 0; step < 60; step++) {
    const at = await focusedDay(card);
    if (at === undefined) {
      await new Promise((r) => setTimeout(r, 100));
      continue;
    }
    const days = Math.round((day.getTime() - at.getTime()) / DAY);
    if (days === 0) break;
    // The arrows stop at a row's edge (the week, Sunday first in en-US): a row down or up
    // when the rest would cross it, then sideways.
    const weekday = at.getUTCDay();
    const key =
      days >= 7 || (days > 0 && weekday + days > 6)
        ? 'ArrowDown'
        : days <= -7 || (days < 0 && weekday + days < 0)
          ? 'ArrowUp'
          : days > 0
            ? 'ArrowRight'
            : 'ArrowLeft';
    keys.push(key);
    await card.page().keyboard.press(key);
    // Wait for the focus to move before deciding the next key.
    for (let i = 0; i < 20 && (await focusedDay(card))?.getTime() === at.getTime(); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  const reached = await focusedDay(card);
  if (reached?.getTime() !== day.getTime()) {
    throw new Error(
      `the calendar's keys reached ${reached?.toISOString() ?? 'no day'}, not ${day.toISOString()} (keys: ${keys.join(' ')})`,
    );
  }
  await card.page().keyboard.press('Enter');
  for (let i = 0; i < 50 && (await field.inputValue()) === ''; i++) await new Promise((r) => setTimeout(r, 100));
  return field.inputValue();
}

describe('minutes and follow-up in the Agents Playground: write, approve by two (one without typing the id), a task, its reminder, done', () => {
  it('the coordinator plans a board meeting with one case', async () => {
    const s = await as('coordinator');
    await s.say('nytt møte');
    const form = s.card('Nytt møte');
    await form.waitFor();
    await choose(form, 'Organ', 'Samarbeidsstyret');
    await form.getByRole('textbox', { name: /^Tittel/ }).fill('Styremøte med protokoll');
    await pickDate(form, monthsAhead, 15);
    await pickTime(form, 0, '10:00 AM');
    await pickTime(form, 1, '12:00 PM');
    await form.getByRole('textbox', { name: /^Sted/ }).fill('Drammen sykehus, møterom 3');
    await press(form, 'Opprett møtet');
    const card = s.card(/Samarbeidsstyret · Møte \d+\/\d{4} · [A-Z0-9]{5}/);
    await card.waitFor();
    meetingId = /· ([A-Z0-9]{5})/.exec(await text(card))?.[1] ?? '';
    expect(meetingId).toMatch(/^[A-Z0-9]{5}$/);

    await s.say(`ny sak ${meetingId} Handlingsplan 2027`);
    const caseForm = s.card(`Ny sak til møte ${meetingId}`);
    await caseForm.waitFor();
    await caseForm.getByRole('textbox', { name: /^Forslag til vedtak/ }).fill('Styret vedtar handlingsplanen.');
    await press(caseForm, 'Legg til saken');
    await s
      .card(/Handlingsplan 2027/)
      .filter({ hasNot: s.page.getByRole('button', { name: 'Legg til saken' }) })
      .last()
      .waitFor();
  });

  it('once the meeting has begun, the coordinator writes the minutes: four absent, the vedtak', async () => {
    setClock(`${isoDay(meetingDay)}T09:30:00Z`); // 10.30 in Oslo: the meeting is under way
    // What fell due with the jump (the board's terms ending, the meeting count) is done before
    // the form opens, so a late message does not scroll the form under a choice being made.
    await suite.samrad().jobs.runDue();
    await suite.samrad().jobs.runDue();
    const s = await as('coordinator');
    await s.say(`protokoll ${meetingId}`);
    const form = s.card('Protokoll, versjon 1');
    await form.waitFor();
    await expect(text(form)).resolves.toContain('Oppmøte');
    for (const name of ['Jon Strand', 'Per Dahl', 'Anne Moe', 'Lars Hagen']) {
      // A message arriving meanwhile can close the list under the click: choose again then.
      await choose(form, name, 'Forfall').catch(() => choose(form, name, 'Forfall'));
    }
    await form
      .getByRole('textbox', { name: /^Forfallsgrunn/ })
      .nth(2)
      .fill('Sykdom'); // Jon Strand, third on the list
    // Approval needs a vedtak under every case, the standing first item too (no earlier minutes here).
    await form
      .getByRole('textbox', { name: /^Vedtak/ })
      .first()
      .fill('Det foreligger ingen protokoll fra forrige møte.');
    await form
      .getByRole('textbox', { name: /^Vedtak/ })
      .last()
      .fill('Styret vedtar handlingsplanen med de endringer som kom fram i møtet.');
    await s.screenshot('minutes-form');
    await press(form, 'Lagre utkast');
    const saved = s.card('Protokollen er lagret (versjon 1).');
    await saved.waitFor();

    const record = await minutesRecord();
    expect(record?.minutes.status).toBe('draft');
    expect(JSON.stringify(record?.minutes)).toContain(
      'Styret vedtar handlingsplanen med de endringer som kom fram i møtet.',
    );
    expect(JSON.stringify(record?.minutes)).toContain('Sykdom');

    await press(saved, 'Vis protokollen');
    const minutes = s.card(/Send til godkjenning hos deltakerne/);
    await minutes.waitFor();
    const shown = await text(minutes);
    expect(shown).toContain('Styret vedtar handlingsplanen med de endringer som kom fram i møtet.');
    expect(shown).toContain('Handlingsplan 2027');
    await minutes.scrollIntoViewIfNeeded();
    await s.screenshot('minutes');
    await minutes.screenshot({ path: join(shotsDir, 'coordinator-minutes-card.png') });
  });

  it('Ola approves: his approval is recorded, not enough alone', async () => {
    const s = await as('board-member');
    await s.say(`godkjenn protokoll ${meetingId}`);
    const card = s.card(/Protokoll, versjon 1/);
    await card.waitFor();
    await press(card, 'Godkjenn protokollen');
    await s.card('Takk! Godkjenningen din er registrert.').waitFor();
    expect((await minutesRecord())?.minutes.status).toBe('draft');
    expect((await minutesRecord())?.memberApprovals.length).toBe(1);
  });

  it('Marit approves: two of the three present, the minutes are approved and locked', async () => {
    const s = await as('respondent');
    // Pick, don't type: the one draft waiting for her approval is taken without an id.
    await s.say('godkjenn protokoll');
    const card = s.card(/Protokoll, versjon 1/);
    await card.waitFor();
    await press(card, 'Godkjenn protokollen');
    const approved = s.card('Takk! Protokollen er nå godkjent og låst.');
    await approved.waitFor();
    await expect(text(approved)).resolves.toMatch(
      /Godkjent av .*Ola Berg.*Marit Kvam|Godkjent av .*Marit Kvam.*Ola Berg/,
    );
    await expect(approved.getByRole('button', { name: 'Godkjenn protokollen' }).count()).resolves.toBe(0);
    await s.screenshot('minutes-approved');
    const record = await minutesRecord();
    expect(record?.minutes).toMatchObject({ status: 'approved', version: 1 });
    const by = record?.minutes.approval?.by as { members?: string[] } | undefined;
    expect([...(by?.members ?? [])].sort()).toEqual(['marit-kvam', 'ola-berg']);
  });

  it('the coordinator gives the vedtak a follow-up task for Marit, due in eight days', async () => {
    setClock(`${isoDay(meetingDay)}T13:00:00Z`);
    const s = await as('coordinator');
    await s.say(`protokoll ${meetingId}`);
    // Approved minutes give the coordinator the form for a new version; the minutes are behind "Vis protokollen".
    const form = s.card(/Lagre som ny versjon/);
    await form.waitFor();
    await expect(text(form)).resolves.toContain('Protokollen er godkjent og låst.');
    await press(form, 'Vis protokollen');
    const minutes = s.card(/Ny oppfølgingsoppgave/);
    await minutes.waitFor();
    await press(minutes, 'Ny oppfølgingsoppgave');
    await choose(minutes, 'Vedtak', 'Sak 2/2026');
    const owner = minutes.getByRole('combobox', { name: /^Ansvarlig/ });
    await owner.click();
    await owner.pressSequentially('Marit');
    const marit = s.page.getByRole('option', { name: /^Marit Kvam/ }).first();
    // The people picker asks the bot as the keys go in; on a loaded machine the playground can drop
    // the answer to the last key, so a second typing asks again (a person would type again too).
    await marit.waitFor({ timeout: 10_000 }).catch(async () => {
      await owner.fill('');
      await owner.pressSequentially('Marit', { delay: 50 });
    });
    await marit.click();
    const dueDay = new Date(meetingDay.getTime() + 8 * DAY);
    const due = await pickDayByKeys(minutes, dueDay);
    expect(due).not.toBe('');
    await minutes.getByRole('textbox', { name: /^Hva skal gjøres/ }).fill('Send planen til kommunene');
    await s.screenshot('follow-up-form');
    await press(minutes, 'Opprett oppgave');
    const created = s.card(/Oppfølgingsoppgave F[A-Z0-9]{5} er opprettet/);
    await created.waitFor().catch(async (e: unknown) => {
      throw new Error(`${String(e)}\nthe card says: ${await text(s.card(/Protokoll/))}`);
    });
    taskId = /Oppfølgingsoppgave (F[A-Z0-9]{5})/.exec(await text(created))?.[1] ?? '';

    const task = (await suite.samrad().store.get<FollowUpTask>('followUps', taskId))?.value;
    expect(task).toMatchObject({
      meetingId,
      owner: 'marit-kvam',
      due: isoDay(dueDay),
      status: 'open',
      description: 'Send planen til kommunene',
    });
    const reminders = await suite.samrad().store.find<{ key?: string }>('jobs', { state: 'pending' });
    expect(reminders.map((j) => j.id).filter((id) => id.includes(taskId)).length).toBeGreaterThanOrEqual(2);
  });

  it('Marit gets the week reminder in her chat and marks the task done', async () => {
    const s = await as('respondent');
    // Opening the chat installs the bot there, so it can write to her first; help shows it is up.
    await s.say('hjelp');
    await s.card('Hva Samråd kan gjøre for deg').waitFor();
    setClock(`${isoDay(new Date(meetingDay.getTime() + 1 * DAY))}T12:00:00Z`); // a week before the due date, after 09.00 Oslo
    await suite.samrad().jobs.runDue();
    await suite.samrad().jobs.runDue();
    const due = new Date(meetingDay.getTime() + 8 * DAY).toISOString().slice(0, 10).split('-').reverse().join('.');
    const reminder = s.message(
      new RegExp(`Påminnelse: oppfølging av sak 2/\\d{4} har frist om en uke \\(${due.replace(/\./g, '\\.')}\\)`),
    );
    await reminder.waitFor();
    await expect(reminder.innerText()).resolves.toContain('Send planen til kommunene');
    await s.screenshot('follow-up-reminder');

    await s.say('oppfølging');
    const tasks = s.card('Dine åpne oppfølgingsoppgaver');
    await tasks.waitFor();
    await expect(text(tasks)).resolves.toContain(`oppgave ${taskId}`);
    await tasks.scrollIntoViewIfNeeded();
    await tasks.screenshot({ path: join(shotsDir, 'respondent-follow-up-card.png') });
    await press(tasks, 'Merk som utført');
    const done = s.card('Utført: Send planen til kommunene');
    await done.waitFor();
    await expect(text(done)).resolves.toContain('Ingen åpne oppfølgingsoppgaver.');
    await s.screenshot('follow-up-done');
    const task = (await suite.samrad().store.get<FollowUpTask>('followUps', taskId))?.value;
    expect(task?.status).toBe('done');
    expect(task?.doneAt).toBeDefined();
  });
});
