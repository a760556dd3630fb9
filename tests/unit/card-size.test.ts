import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addItem } from '../../src/domain/agenda';
import type { InputAnswer, ItemInput } from '../../src/domain/input';
import { Catalogue } from '../../src/i18n/catalogue';
import { inputSummaryCard } from '../../src/app/input/input-summary-card';
import { CardRenderer, cardsDir } from '../../src/presentation/card-renderer';
import { toActivities } from '../../src/adapters/teams/reply-activities';
import { cardProblems } from '../fixtures/card-validation';
import { must, org, plannedMeeting, request } from './exports/export-fixtures';

// Teams refuses a message over about 28 KB (413 MessageSizeTooBig): Microsoft's figure, written here.
const TEAMS_MESSAGE_LIMIT = 28 * 1024;

const renderer = new CardRenderer();
const catalogue = Catalogue.load();
const bytes = (x: unknown) => Buffer.byteLength(JSON.stringify(x), 'utf8');
const sample = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(cardsDir, 'samples', `${name}.data.json`), 'utf8'));
const long = (n: number, word = 'Kommunen er imot forslaget fordi det flytter kostnader. ') =>
  word.repeat(Math.ceil(n / word.length)).slice(0, n);

/** A Teams message as the connector receives it: the card inside an activity with its envelope. */
function activity(card: ReturnType<typeof inputSummaryCard>) {
  const [a] = toActivities([card], renderer);
  return {
    ...a,
    type: 'message',
    id: 'f:1234567890123456789',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelId: 'msteams',
    from: { id: '28:00000000-0000-0000-0000-000000000000', name: 'Samråd' },
    recipient: {
      id: '29:1' + 'x'.repeat(120),
      name: 'Ingrid Haugen',
      aadObjectId: '00000000-0000-0000-0000-000000000001',
    },
    conversation: {
      id: `19:${'y'.repeat(64)}@thread.tacv2;messageid=1234567890123`,
      conversationType: 'channel',
      tenantId: '00000000-0000-0000-0000-000000000002',
    },
    replyToId: '1234567890123',
  };
}

function tenLongAgainst() {
  let meeting = plannedMeeting();
  for (let k = 5; k <= 12; k++)
    meeting = must(
      addItem(meeting, [], {
        id: `i${k}`,
        draft: { title: `Sak om tema ${k}`, proposal: { kind: 'text', text: 'Vedtas.' } },
      }),
    );
  const open = meeting.agenda.filter((i) => i.status === 'open' && i.kind !== 'minutes-approval').slice(0, 10);
  expect(open).toHaveLength(10);
  const answer = (municipality: string, givenBy: string, against: boolean): InputAnswer => ({
    meetingId: meeting.id,
    municipality,
    givenBy,
    givenAs: 'respondent',
    status: 'submitted',
    version: 1,
    at: '2026-04-16T08:00:00Z',
    meetingVersion: meeting.version,
    idempotencyKey: `${givenBy}-1`,
    items: open.map((i): ItemInput => ({
      itemId: i.id,
      position: against ? 'against' : 'support',
      text: against ? long(4000) : '',
    })),
  });
  // Three support every case; Modum is against all ten, 4,000 characters each.
  const answers = [
    answer('3305', 'kari', false),
    answer('3310', 'eva', false),
    answer('3301', 'siri', false),
    answer('3316', 'per', true),
  ];
  return { meeting, answers };
}

describe('a card that grows with what people write stays under Teams’ message limit', () => {
  for (const locale of ['nb', 'en'] as const) {
    it(`the input summary with ten 4,000-character "mot" answers fits, says so and points to the document (${locale})`, () => {
      const t = catalogue.for(locale);
      const { meeting, answers } = tenLongAgainst();
      const reply = inputSummaryCard(org, t, meeting, request, answers, {
        docx: 'https://contoso.sharepoint.com/g.docx',
        markdown: 'https://contoso.sharepoint.com/g.md',
      });
      const unbounded = bytes((reply as { data: object }).data);
      expect(unbounded).toBeGreaterThan(TEAMS_MESSAGE_LIMIT);
      const message = activity(reply);
      expect(bytes(message)).toBeLessThan(TEAMS_MESSAGE_LIMIT);
      const card = (message.attachments![0] as { content: Record<string, unknown> }).content;
      expect(cardProblems(card)).toEqual([]);
      const shown = JSON.stringify(card);
      expect(shown).toContain(t.t('safety.card-shortened.input-summary').slice(0, 30));
      expect(shown).toContain('https://contoso.sharepoint.com/g.docx');
      // Every case is still there, each long answer cut with an ellipsis rather than dropped.
      for (let k = 5; k <= 12; k++) expect(shown).toContain(`Sak om tema ${k}`);
      expect((shown.match(/ …/g) ?? []).length).toBeGreaterThanOrEqual(10);
    });
  }

  it('a card that fits is not touched', () => {
    const card = renderer.render('input-summary', sample('input-summary'));
    expect(JSON.stringify(card)).not.toContain('…');
    expect(JSON.stringify(card)).toContain('Gol (Mot): For lite til legevakt.');
  });

  const grown: Record<string, (d: Record<string, unknown>) => Record<string, unknown>> = {
    // 300 named ballots and a long list of those who have not voted.
    vote: (d) => ({
      ...d,
      named: Array.from({ length: 300 }, (_, k) => ({
        line: `Medlem nummer ${k} med et langt navn (Kommune ${k}): For`,
      })),
      notVoted: long(6000, 'Navn Navnesen, '),
    }),
    'hearing-status': (d) => ({
      ...d,
      rows: Array.from({ length: 40 }, (_, k) => ({ title: `Kommune ${k}`, value: long(3000) })),
    }),
    'hearing-statement': (d) => ({
      ...d,
      ...Object.fromEntries(
        Object.entries(d)
          .filter(([, v]) => typeof v === 'string' && !/^https?:/.test(v) && v.length > 0)
          .map(([k]) => [k, long(4000)]),
      ),
    }),
    minutes: (d) => ({ ...d, ...grow(d) }),
  };

  for (const [name, blowUp] of Object.entries(grown)) {
    it(`${name}: grown far past the limit, rendered within it with the sentence`, () => {
      const data = blowUp(sample(name));
      const card = renderer.render(name, { ...data, shortenedNotice: 'KORTET ER FORKORTET' });
      expect(bytes(card)).toBeLessThanOrEqual(26 * 1024);
      expect(JSON.stringify(card)).toContain('KORTET ER FORKORTET');
      expect(cardProblems(card)).toEqual([]);
    });
  }

  it('without a sentence from the builder the card says it in Norwegian', () => {
    const data = grown.vote!(sample('vote'));
    delete data.lang;
    expect(JSON.stringify(renderer.render('vote', data))).toContain(catalogue.for('nb').t('safety.card-shortened'));
  });
});

/** Every list in the minutes sample repeated and every long text made longer. */
function grow(d: unknown): Record<string, unknown> {
  const walk = (v: unknown, key: string): unknown => {
    if (typeof v === 'string') return v.length > 20 && !/^https?:/.test(v) && key !== 'lang' ? long(3000) : v;
    if (Array.isArray(v))
      return key === 'choices'
        ? v
        : Array.from({ length: 8 }, () => v)
            .flat()
            .map((x) => walk(x, key));
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'data' ? x : walk(x, k)]));
    return v;
  };
  return walk(d, '') as Record<string, unknown>;
}
