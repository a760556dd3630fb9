import { describe, expect, it } from 'vitest';
import { basisDocument } from '../../../src/app/exports/basis-document';
import { renderMarkdown } from '../../../src/app/exports/markdown';
import type { InputAnswer } from '../../../src/domain/input';
import { giveInput } from '../../../src/domain/input';
import { summarizeInput } from '../../../src/domain/input-summary';
import { strictTranslator } from './export-messages';
import {
  TEXT_DRAMMEN_I1,
  TEXT_DRAMMEN_I2,
  TEXT_HOLE_I2,
  inputSummary,
  must,
  org,
  plannedMeeting,
  request,
} from './export-fixtures';

const meeting = plannedMeeting();
const markdown = (locale: 'nb' | 'en' = 'nb', summary = inputSummary(meeting)) =>
  renderMarkdown(basisDocument({ org, meeting, request, summary }, strictTranslator(locale)));
const section = (md: string, from: string, to?: string): string =>
  md.slice(md.indexOf(from), to ? md.indexOf(to) : undefined);

describe('the basis document as Markdown', () => {
  it('opens with the title, the meeting, Oslo time in Norwegian style, the deadline and who is silent', () => {
    const md = markdown();
    expect(md.split('\n\n').slice(0, 3)).toEqual([
      '# Grunnlagsdokument for kommunene',
      'OSU, møte 1/2026 – OSU-møte våren 2026',
      [
        '**Tid:** Torsdag 23. april 2026, kl. 10.00–14.00\\',
        '**Sted:** Drammen sykehus, auditoriet (også på Teams)\\',
        '**Frist for innspill:** 21.04.2026 kl. 15.00\\',
        '**Svar:** 3 av 4 kommuner har svart\\',
        '**Ikke svart:** Modum',
      ].join('\n'),
    ]);
  });

  it('gives a case its number, title, proposal, counts, majority, the diverging municipality with its input, and who has not answered', () => {
    expect(section(markdown(), '## Sak 2/2026', '## Sak 3/2026')).toBe(
      [
        '## Sak 2/2026 Handlingsplan 2026',
        '**Forslag til vedtak:**',
        '> «OSU vedtar handlingsplanen for 2026.»',
        '| Standpunkt | Antall |\n| --- | ---: |\n| Støtter | 2 |\n| Støtter med endringer | 1 |\n| Mot | 0 |\n| Tar ikke stilling | 0 |',
        '**Flertallets standpunkt:** Støtter (2 av 3)',
        '### Avvikende innspill',
        `- **Drammen** – Støtter med endringer\\\n  «${TEXT_DRAMMEN_I1}»`,
        '**Ikke svart:** Modum',
        '',
      ].join('\n\n'),
    );
  });

  it('keeps input that agrees with the majority apart from the diverging input', () => {
    const s = section(markdown(), '## Sak 3/2026', '## Sak 4/2026');
    const diverging = s.indexOf('### Avvikende innspill');
    const other = s.indexOf('### Øvrige innspill');
    expect(diverging).toBeGreaterThan(-1);
    expect(other).toBeGreaterThan(diverging);
    expect(s.indexOf(`**Hole** – Mot\\\n  «${TEXT_HOLE_I2}»`)).toBeGreaterThan(diverging);
    expect(s.indexOf(`**Hole** – Mot`)).toBeLessThan(other);
    expect(s.indexOf(`**Drammen** – Støtter\\\n  «${TEXT_DRAMMEN_I2}»`)).toBeGreaterThan(other);
  });

  it('says a tie is a tie, lists everyone who took a line, and does not quote a proposal still to be formulated', () => {
    const s = section(markdown(), '## Sak 4/2026');
    expect(s).toContain('*Forslag til vedtak legges fram i møtet.*');
    expect(s).not.toContain('«Forslag til vedtak legges fram');
    expect(s).toContain('**Flertallets standpunkt:** Likt mellom støtter og mot');
    expect(s.indexOf('- **Ringerike** – Støtter')).toBeLessThan(s.indexOf('- **Drammen** – Mot'));
    expect(s).not.toContain('**Hole**');
  });

  it('leaves out the withdrawn case and the standing approval of the minutes', () => {
    const md = markdown();
    expect(md).not.toContain('Sak 1/2026');
    expect(md).not.toContain('Sak 5/2026');
    expect(md).not.toContain('Revisjon av tjenesteavtale');
  });

  it('with no answers yet: no majority, everyone missing', () => {
    const md = markdown('nb', summarizeInput(meeting, request, []));
    expect(md).toContain('**Svar:** 0 av 4 kommuner har svart');
    expect(md).toContain('**Flertallets standpunkt:** Ingen har tatt standpunkt');
    expect(md).toContain('Ingen kommuner avviker fra flertallet.');
    expect(md).toContain('**Ikke svart:** Ringerike, Hole, Drammen og Modum');
  });

  it('with every municipality in: says so instead of an empty list', () => {
    const md = markdown('nb', summarizeInput(meeting, request, everyoneSupports()));
    expect(md).toContain('**Svar:** 4 av 4 kommuner har svart');
    expect(md).not.toContain('Ikke svart');
    expect(md.match(/^Alle kommunene har svart\.$/gm)).toHaveLength(3);
  });

  it('escapes what a municipality wrote, so its text cannot turn into a list, a table or bold type', () => {
    const text = '1. Bruk *alle* midler | også <b>';
    const answer = must(
      giveInput(
        meeting,
        request,
        [],
        org,
        {
          meetingId: 'm1',
          givenBy: 'per',
          meetingVersion: meeting.version,
          status: 'submitted',
          idempotencyKey: 'x',
          items: [
            { itemId: 'i1', position: 'against', text },
            { itemId: 'i2', position: 'support', text: '' },
            { itemId: 'i3', position: 'support', text: '' },
          ],
        },
        new Date('2026-04-16T08:00:00Z'),
      ),
    ).answers;
    const md = markdown('nb', summarizeInput(meeting, request, answer));
    expect(md).toContain('«1. Bruk \\*alle\\* midler \\| også \\<b\\>»');
  });

  it('speaks English to an English reader', () => {
    const md = markdown('en');
    expect(md).toContain('# Basis document for the municipalities');
    expect(md).toContain('OSU, meeting 1/2026');
    expect(md).toContain('**Time:** Thursday 23 April 2026, 10:00–14:00');
    expect(md).toContain('## Case 2/2026 Handlingsplan 2026');
    expect(md).toContain('**Majority position:** Support (2 of 3)');
    expect(md).toContain('> “OSU vedtar handlingsplanen for 2026.”');
  });
});

function everyoneSupports(): InputAnswer[] {
  let answers: InputAnswer[] = [];
  for (const givenBy of ['kari', 'eva', 'siri', 'per']) {
    const items = ['i1', 'i2', 'i3'].map((itemId) => ({ itemId, position: 'support' as const, text: '' }));
    const s = {
      meetingId: 'm1',
      givenBy,
      meetingVersion: meeting.version,
      status: 'submitted' as const,
      idempotencyKey: givenBy,
      items,
    };
    answers = [...must(giveInput(meeting, request, answers, org, s, new Date('2026-04-16T08:00:00Z'))).answers];
  }
  return answers;
}
