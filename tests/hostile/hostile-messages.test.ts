import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { people } from '../fixtures/activities';
import { BIDI_AND_INVISIBLE, END, hostile, START } from '../fixtures/hostile-text';
import { Harness, runCase, type Answer, type HostileCase } from './harness';

/*
 * Text one person writes that reaches another person's chat as a plain message (a reminder,
 * a meeting list, an absence notice). Teams renders a message's text as Markdown unless it is
 * sent with `textFormat: plain` (Microsoft's bot text formats): each such message must be
 * plain, and must carry no bidi or invisible character from the hostile value.
 */

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
}, 60_000);
afterAll(() => h.stop());

const channel = { kind: 'channel' as const };

interface SentActivity {
  type?: string;
  text?: string;
  textFormat?: string;
}

/** Every message activity the bot sent that shows text from the hostile value. */
const messagesWithHostileText = (a: Answer): SentActivity[] =>
  a.text
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as SentActivity)
    .filter((o) => o.type === 'message' && typeof o.text === 'string' && o.text.includes(START));

type Field = (hh: Harness, value: string) => Promise<Answer>;

let n = 0;
const fields: Record<string, Field> = {
  'a meeting’s title in `møter`, read by a member': async (hh, value) => {
    n++;
    await hh.press(people.coordinator, 'meeting.create', {
      body: 'styret',
      title: value.slice(0, 190),
      date: `2026-12-1${n % 9}`,
      startTime: '10:00',
      endTime: '11:00',
      place: 'Drammen',
    });
    return hh.say(people.respondent, 'møter');
  },
  'a vote’s title in the reminder a member gets': async (hh, value) => {
    const opened = await hh.press(
      people.coordinator,
      'vote.open',
      { title: value.slice(0, 190), body: 'styret' },
      channel,
    );
    const id = /Avstemning ([A-Z0-9]{5}) er åpnet/.exec(opened.text)?.[1] ?? 'NONE';
    const asked = await hh.say(people.coordinator, `påminn ${id}`, channel);
    // The reminder goes out through the outbox: run it, and read what reached Marit.
    hh.bot.connector.clear();
    await hh.bot.samrad.jobs.runDue();
    return { statuses: asked.statuses, text: [asked.text, hh.bot.connector.everything()].join('\n') };
  },
};

const cases: HostileCase[] = Object.entries(fields).map(([field, write]): HostileCase => ({
  name: `hostile Markdown, bidi and invisible text in ${field}`,
  send: (hh) => write(hh, hostile()),
  expect: new RegExp(START),
  changes: true,
  then: (_hh, answer) => {
    const messages = messagesWithHostileText(answer);
    expect(messages.length, 'a message showed the value').toBeGreaterThan(0);
    for (const m of messages) {
      expect(m.textFormat, 'sent as plain text, so Markdown is shown as written').toBe('plain');
      const shown = m.text!.slice(m.text!.indexOf(START), m.text!.indexOf(END) + END.length);
      expect(BIDI_AND_INVISIBLE.test(shown.replace(/\n/g, ' ')), 'no bidi or invisible character').toBe(false);
    }
  },
}));

describe('hostile: text one person writes that reaches another’s chat', () => {
  for (const c of cases) it(c.name, () => runCase(h, c));
});
