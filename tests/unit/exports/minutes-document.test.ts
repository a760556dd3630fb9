import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../../src/app/exports/markdown';
import type { MinutesDocumentSource } from '../../../src/app/exports/minutes-document';
import { minutesDocument } from '../../../src/app/exports/minutes-document';
import { draftMinutes } from '../../../src/domain/minutes';
import { amendMinutes, approveMinutes } from '../../../src/domain/minutes-approval';
import { strictTranslator } from './export-messages';
import { DECISION_I1, heldWithMinutes, must, nextMeeting, org } from './export-fixtures';

const { meeting, minutes } = heldWithMinutes();
const next = nextMeeting(meeting);
const markdown = (src: Partial<MinutesDocumentSource> = {}, locale: 'nb' | 'en' = 'nb') =>
  renderMarkdown(minutesDocument({ org, meeting, minutes, ...src }, strictTranslator(locale)));
const section = (md: string, from: string, to?: string): string =>
  md.slice(md.indexOf(from), to ? md.indexOf(to) : undefined);

describe('the minutes as Markdown', () => {
  it('opens with the body, meeting number, time and place, and says a draft is not approved', () => {
    expect(markdown().split('\n\n').slice(0, 3)).toEqual([
      '# Protokoll',
      'OSU, møte 1/2026 – OSU-møte våren 2026',
      '**Tid:** Torsdag 23. april 2026, kl. 10.00–14.00\\\n**Sted:** Drammen sykehus, auditoriet (også på Teams)\\\n**Status:** Utkast, versjon 1. Ikke godkjent.',
    ]);
  });

  it('lists who was present per municipality or party, who sent apologies and why, and the deputy who met', () => {
    expect(section(markdown(), '## Deltakere', '## Saker')).toBe(
      [
        '## Deltakere',
        '### Til stede',
        '- **Drammen:** Siri Lunde\n- **Modum:** Per Aas\n- **Ringerike:** Kari Holm (møteleder)\n- **Vestre Viken HF:** Hanne Fjeld',
        '### Forfall',
        '- **Hole:** Ola Berg (Sykdom)',
        '### Vararepresentanter som møtte',
        '- **Hole:** Eva Dahl (for Ola Berg)',
        '',
      ].join('\n\n'),
    );
  });

  it('names an absent member without empty brackets when no reason was given', () => {
    const attendance = {
      ...minutes.content.attendance,
      absent: minutes.content.attendance.absent.map((a) => ({ ...a, reason: '' })),
    };
    const md = markdown({ minutes: { ...minutes, content: { ...minutes.content, attendance } } });
    expect(section(md, '### Forfall', '### Vararepresentanter')).toContain('- **Hole:** Ola Berg\n');
    expect(md).not.toContain('()');
  });

  it('records a case: recommendation, the proposal made in the meeting, the named vote and the vedtak with its points', () => {
    expect(section(markdown(), '### Sak 2/2026', '### Sak 3/2026')).toBe(
      [
        '### Sak 2/2026 Handlingsplan 2026',
        '**Innstilling:**',
        '> «OSU vedtar handlingsplanen for 2026.»',
        '**Forslag i møtet:**',
        '- **Siri Lunde (Drammen):** «Legevakt tas inn i planen.»',
        '**Avstemning:** «Legevakt tas inn i planen.» – For: 2, Mot: 1, Avstår: 1',
        '| Navn | Representerer | Stemme |\n| --- | --- | --- |\n| Kari Holm | Ringerike | For |\n| Eva Dahl | Hole | For |\n| Per Aas | Modum | Mot |\n| Hanne Fjeld | Vestre Viken HF | Avstår |',
        '**Vedtak:**',
        // The points stay the secretary's text: escaped, so Markdown does not renumber them.
        '1\\. Handlingsplanen for 2026 vedtas.\\\n2\\. Legevakt tas inn i planen.',
        '',
      ].join('\n\n'),
    );
    expect(DECISION_I1.startsWith('1. ')).toBe(true);
  });

  it('gives the cases in agenda order, the standing item first with its standard wording, and marks the withdrawn case', () => {
    const md = markdown();
    const headings = md.split('\n').filter((l) => l.startsWith('### Sak'));
    expect(headings).toEqual([
      '### Sak 1/2026 Godkjenning av protokoll fra forrige møte',
      '### Sak 2/2026 Handlingsplan 2026',
      '### Sak 3/2026 Høring: forskrift om akuttmedisin',
      '### Sak 4/2026 Utskrivningsklare pasienter',
      '### Sak 5/2026 Revisjon av tjenesteavtale 3 (trukket)',
    ]);
    expect(section(md, '### Sak 1/2026', '### Sak 2/2026')).toContain('> «Protokollen fra forrige møte godkjennes.»');
    expect(section(md, '### Sak 5/2026')).toBe(
      '### Sak 5/2026 Revisjon av tjenesteavtale 3 (trukket)\n\nSaken ble trukket.\n',
    );
  });

  it('shows an unnamed vote by its counts only, and a case proposed in the meeting without a made-up quotation', () => {
    const s = section(markdown(), '### Sak 4/2026', '### Sak 5/2026');
    expect(s).toContain('*Forslag til vedtak legges fram i møtet.*');
    expect(s).toContain('**Avstemning:** «Felles rutine» – For: 5');
    expect(s).not.toContain('| Navn |');
  });

  it('says where a vedtak is still missing', () => {
    const draft = must(draftMinutes(meeting, org, []));
    const md = markdown({ minutes: draft });
    expect(section(md, '### Sak 3/2026', '### Sak 4/2026')).toContain('**Vedtak:**\n\n*Vedtak er ikke ført ennå.*');
  });

  it('names the meeting that approved the minutes, or the members who did', () => {
    const approved = must(approveMinutes(minutes, meeting, { meeting: next.id }, new Date('2026-06-04T09:00:00Z')));
    expect(markdown({ minutes: approved, meetings: [meeting, next] })).toContain(
      '**Status:** Godkjent i OSU, møte 2/2026 04.06.2026, versjon 1',
    );
    expect(markdown({ minutes: approved })).toContain('**Status:** Godkjent 04.06.2026, versjon 1');
    const byMembers = must(
      approveMinutes(minutes, meeting, { members: ['kari', 'siri'] }, new Date('2026-04-30T10:00:00Z')),
    );
    expect(markdown({ minutes: byMembers })).toContain(
      '**Status:** Godkjent av Kari Holm og Siri Lunde 30.04.2026, versjon 1',
    );
  });

  it('shows a change after approval as a new version: who, when and why', () => {
    const approved = must(approveMinutes(minutes, meeting, { meeting: next.id }, new Date('2026-06-04T09:00:00Z')));
    const items = approved.content.items.map((i) =>
      i.itemId === 'i2' ? { ...i, decision: 'Høringssvaret sendes med Holes merknad.' } : i,
    );
    const content = { ...approved.content, items };
    const amended = must(
      amendMinutes(
        approved,
        meeting,
        { content, by: 'koord', reason: 'Feil i vedtaket i sak 3/2026' },
        new Date('2026-06-05T10:00:00Z'),
      ),
    );
    const md = markdown({ minutes: amended, meetings: [meeting, next] });
    // Its approvers approved version 1, not the change (issue 16, finding 10).
    expect(md).toContain(
      '**Status:** Versjon 2, endret etter godkjenningen. Godkjent i OSU, møte 2/2026 04.06.2026, versjon 1\\\n**Endret:** 05.06.2026 av Nina Solberg: Feil i vedtaket i sak 3/2026',
    );
    expect(md).not.toContain('04.06.2026, versjon 2');
    expect(md).toContain('Høringssvaret sendes med Holes merknad.');
    expect(md).not.toContain('Høringssvaret sendes som foreslått.');
  });

  it('speaks English to an English reader', () => {
    const md = markdown({}, 'en');
    expect(md).toContain('# Minutes');
    expect(md).toContain('**Time:** Thursday 23 April 2026, 10:00–14:00');
    expect(md).toContain('### Case 1/2026 Approval of the minutes of the previous meeting');
    expect(md).toContain('- **Ringerike:** Kari Holm (chair)');
    expect(md).toContain('**Vote:** “Legevakt tas inn i planen.” – For: 2, Against: 1, Abstain: 1');
  });
});
