import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { people, type Person } from '../fixtures/activities';
import { startBot, type BotUnderTest } from '../fixtures/bot-under-test';
import { chatWith } from '../fixtures/chat';

let now = new Date('2026-11-23T10:00:00Z');
let bot: BotUnderTest;
beforeAll(async () => {
  bot = await startBot({}, { clock: { now: () => now } });
});
afterAll(async () => bot.stop());
beforeEach(() => bot.connector.clear());

const chat = chatWith(() => bot);
const { press, buttons } = chat;
const say = (from: Person, text: string, locale = 'nb-NO') => chat.say(from, text, { kind: 'personal', locale });
const minutesCount = async () => (await bot.samrad.store.find('minutes')).length;

const meeting = async (title: string, date: string) => {
  await press(people.coordinator, 'meeting.create', {
    body: 'styret',
    title,
    date,
    startTime: '10:00',
    endTime: '12:00',
    online: 'true',
  });
  const all = await bot.samrad.store.find<{ title: string }>('meetings');
  return all.find((m) => m.value.title === title)!.id;
};

describe('minutes commands: pick, don’t type', () => {
  let november = '';
  let december = '';

  it('says so in the person’s language when no meeting has begun, and makes no minutes', async () => {
    november = await meeting('Styremøte november', '2026-11-26');
    december = await meeting('Styremøte desember', '2026-12-10');
    expect(await say(people.coordinator, 'protokoll')).toContain('Ingen møter har startet ennå');
    expect(await say(people.coordinator, 'minutes', 'en-US')).toContain('No meeting has started yet');
    expect(await say(people.boardMember, 'godkjenn protokoll')).toContain('Ingen møter har startet ennå');
    expect(await minutesCount()).toBe(0);
    // Marit will not be at the December meeting: its minutes are not hers to approve.
    expect(await say(people.respondent, `meld forfall ${december} ferie`)).toContain(
      'Forfallet ditt til «Styremøte desember» er registrert.',
    );
  });

  it('takes the one meeting begun without asking', async () => {
    now = new Date('2026-11-26T09:30:00Z');
    const form = await say(people.coordinator, 'protokoll');
    expect(form).toContain('"verb":"minutes.save"');
    expect(form).toContain(november);
    expect(form).not.toContain('Hvilket møte');
    // The board member approves the one draft there is, again without an id.
    const toApprove = await say(people.boardMember, 'godkjenn protokoll');
    expect(toApprove).toContain('Protokoll, versjon 1');
    expect(toApprove).not.toContain('Hvilket møte');
  });

  it('offers the meetings whose minutes are still to do when several are, as buttons that type the id', async () => {
    now = new Date('2026-12-10T09:30:00Z');
    const which = await say(people.coordinator, 'protokoll');
    expect(which).toContain('Protokollen er ikke ferdig for flere møter. Hvilket møte mener du?');
    expect(buttons()).toEqual([`protokoll ${december}`, `protokoll ${november}`]);
    expect(await minutesCount()).toBe(1); // asking made no minutes
    expect(await say(people.coordinator, 'protokoll neste')).toContain('Protokollen er ikke ferdig for flere møter.');
    expect(buttons()).toEqual([`protokoll ${december}`, `protokoll ${november}`]);
    const en = await say(people.coordinator, 'minutes', 'en-US');
    expect(en).toContain('The minutes of several meetings are not finished. Which meeting do you mean?');
    expect(buttons()).toEqual([`minutes ${december}`, `minutes ${november}`]);
  });

  it('takes a title fragment or the id, and a fragment that fits several is a choice', async () => {
    const form = await say(people.coordinator, 'protokoll desember');
    expect(form).toContain('"verb":"minutes.save"');
    expect(form).toContain(december);
    expect(form).not.toContain(november);
    expect(await say(people.coordinator, `minutes ${december.toLowerCase()}`, 'en-US')).toContain(
      '"verb":"minutes.save"',
    );
    expect(await say(people.coordinator, 'protokoll styremøte')).toContain(
      'Flere møter passer til «styremøte». Hvilket mener du?',
    );
    expect(buttons()).toHaveLength(2);
  });

  it('godkjenn protokoll offers the drafts waiting for approval; a wrong name is refused in the person’s language', async () => {
    expect(await say(people.boardMember, 'godkjenn protokoll')).toContain(
      'Flere protokoller venter på godkjenning. Hvilket møte mener du?',
    );
    expect(buttons()).toEqual([`godkjenn protokoll ${december}`, `godkjenn protokoll ${november}`]);
    expect(await say(people.boardMember, 'approve minutes', 'en-US')).toContain(
      'Several minutes are waiting for approval. Which meeting do you mean?',
    );
    expect(await say(people.boardMember, 'godkjenn protokoll november')).toContain('Protokoll, versjon 1');
    expect(await say(people.boardMember, 'godkjenn protokoll budsjettmøte')).toContain(
      'Jeg finner ikke møtet budsjettmøte',
    );
    expect(await say(people.coordinator, 'minutes budget meeting', 'en-US')).toContain(
      "I can't find the meeting budget meeting",
    );
    expect(await minutesCount()).toBe(2);
  });

  it('godkjenn protokoll offers a member only the drafts of meetings she attended', async () => {
    // Marit reported absence from December: November's draft is the one for her, taken without asking.
    const hers = await say(people.respondent, 'godkjenn protokoll');
    expect(hers).toContain('Protokoll, versjon 1');
    expect(hers).toContain(november);
    expect(hers).not.toContain('Hvilket møte');
    expect(hers).not.toContain(december);
    // The coordinator follows every draft, attended or not.
    expect(await say(people.coordinator, 'approve minutes', 'en-US')).toContain(
      'Several minutes are waiting for approval. Which meeting do you mean?',
    );
  });

  it('oppfølging <møte> takes a title fragment or neste, offers a choice when several fit, and refuses a wrong name', async () => {
    const januar = await meeting('Styremøte januar', '2027-01-14');
    const next = await say(people.coordinator, 'oppfølging neste');
    expect(next).toContain('Styremøte januar');
    expect(next).not.toContain('Hvilket mener du');
    expect(await say(people.coordinator, 'oppfølging januar')).toContain('Styremøte januar');
    // A fragment is read among the coming meetings first: one coming is taken, two are a choice.
    expect(await say(people.coordinator, 'oppfølging styremøte')).toContain('Styremøte januar');
    const februar = await meeting('Styremøte februar', '2027-02-11');
    expect(await say(people.coordinator, 'oppfølging styremøte')).toContain(
      'Flere møter passer til «styremøte». Hvilket mener du?',
    );
    expect(buttons()).toEqual([`oppfølging ${januar}`, `oppfølging ${februar}`]);
    expect(await say(people.coordinator, 'follow-up budget meeting', 'en-US')).toContain(
      "I can't find the meeting budget meeting",
    );
  });

  it('a member without the coordinator’s form is offered the same choice and reads the minutes she picks', async () => {
    const which = await say(people.boardMember, 'protokoll');
    expect(which).toContain('Protokollen er ikke ferdig for flere møter. Hvilket møte mener du?');
    expect(which).not.toContain('"verb":"minutes.save"');
    const picked = await say(people.boardMember, `protokoll ${november}`);
    expect(picked).toContain('Protokoll, versjon 1');
    expect(picked).not.toContain('"verb":"minutes.save"');
    const respondent = await say(people.respondent, 'minutes', 'en-US');
    expect(respondent).toContain('The minutes of several meetings are not finished. Which meeting do you mean?');
    expect(respondent).toContain(`"value":"minutes ${november}"`);
    expect(respondent).not.toContain('"verb":"minutes.save"');
  });
});
