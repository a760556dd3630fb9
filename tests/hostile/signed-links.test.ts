import { afterAll, beforeAll, describe, it } from 'vitest';
import { installation, people } from '../fixtures/activities';
import { Harness, runCase, type HostileCase } from './harness';
import { createTargets, type Targets } from './setup';

/*
 * Signed download links (the basis document, the joint statement and its CSV): any change to
 * the path, the expiry or the signature downloads nothing and says nothing about why.
 * Calendar files (.ics, with attendees' addresses and the join link) are signed the same way;
 * any tampering with theirs gets a 404 that does not say whether the meeting exists.
 */

let h: Harness;
let x: Targets;
const links: Record<string, string> = {};
const linkIn = (text: string, file: RegExp): string => {
  const m = new RegExp(`"url":"([^"]*${file.source}[^"]*)"`).exec(text);
  return m ? (JSON.parse(`"${m[1]}"`) as string) : '';
};

beforeAll(async () => {
  h = await Harness.start();
  x = await createTargets(h);
  const summary = await h.say(people.boardMember, `innspill ${x.meetingId}`);
  links.docx = linkIn(summary.text, /grunnlag\.docx/);
  links.md = linkIn(summary.text, /grunnlag\.md/);
  const compiled = await h.say(people.coordinator, `sammenstill høring ${x.hearingId}`);
  links.statement = linkIn(compiled.text, /\.docx/);
  links.csv = linkIn(compiled.text, /\.csv/);
  // Ola has the bot in his chat, so a planned meeting sends him an invitation with its .ics link.
  await h.posts(installation(h.url, people.boardMember));
  await h.press(people.coordinator, 'meeting.create', {
    body: 'styret',
    title: 'Kalendermøte',
    date: '2026-12-16',
    startTime: '10:00',
    endTime: '12:00',
  });
  h.bot.connector.clear();
  for (let i = 0; i < 3; i++) await h.bot.samrad.jobs.runDue();
  links.ics = /https?:\/\/[^"\s]+\/calendar\/[^"\s?]+\.ics\?[^"\s]+/.exec(h.bot.connector.everything())?.[0] ?? '';
  for (const [k, v] of Object.entries(links)) if (!v.startsWith('http')) throw new Error(`no ${k} link in the cards`);
}, 60_000);
afterAll(() => h.stop());

/** A changed link and the refusal it gets: 403 for a bad signature, 404 for no such file, 405 for a wrong method. */
type Tamper = [name: string, change: (url: string) => string, init?: RequestInit, status?: number];
const tampers: Tamper[] = [
  ['a forged signature', (u) => u.replace(/sig=[^&]+/, 'sig=forged')],
  ['a signature one character off', (u) => u.replace(/sig=([^&])/, (_m, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`)],
  ['no signature', (u) => u.replace(/&?sig=[^&]+/, '')],
  ['no query at all', (u) => u.split('?')[0]!],
  ['a later expiry with the old signature', (u) => u.replace(/expires=\d+/, 'expires=99999999999')],
  ['an expiry in the past', (u) => u.replace(/expires=\d+/, 'expires=1')],
  ['an expiry that is not a number', (u) => u.replace(/expires=\d+/, 'expires=never')],
  ['the signature given twice', (u) => `${u}&sig=forged`],
  ['another file name', (u) => u.replace(/\/([^/?]+)\?/, '/passwd?'), {}, 404],
  ['a path climbing out', (u) => u.replace(/\/([^/?]+)\?/, '/..%2F..%2F..%2Fetc%2Fpasswd?'), {}, 404],
  ['a 5,000-character signature', (u) => u.replace(/sig=[^&]+/, `sig=${'a'.repeat(5000)}`)],
  ['a POST instead of a GET', (u) => u, { method: 'POST' }, 405],
];

const cases: HostileCase[] = Object.keys({ docx: 1, md: 1, statement: 1, csv: 1, ics: 1 }).flatMap((file) =>
  tampers
    .filter(
      ([name]) =>
        file === 'docx' ||
        file === 'ics' ||
        !['a POST instead of a GET', 'a signature one character off'].includes(name),
    )
    .map(([name, change, init, status = 403]): HostileCase => ({
      name: `${name} on the ${file} link`,
      send: (hh) => hh.get(change(links[file]!), init),
      // A calendar file says nothing about whether the meeting exists: every bad link is 404.
      expect: { status: file === 'ics' && status !== 405 ? 404 : status },
    })),
);

describe('hostile: signed-link tampering', () => {
  for (const c of cases) it(c.name, () => runCase(h, c));
});
