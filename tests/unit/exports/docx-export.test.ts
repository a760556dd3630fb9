import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxRenderer, renderDocx } from '../../../src/adapters/docx/docx-renderer';
import { basisDocument } from '../../../src/app/exports/basis-document';
import { minutesDocument } from '../../../src/app/exports/minutes-document';
import { strictTranslator } from './export-messages';
import {
  TEXT_DRAMMEN_I1,
  TEXT_DRAMMEN_I2,
  TEXT_HOLE_I2,
  heldWithMinutes,
  inputSummary,
  org,
  plannedMeeting,
  request,
} from './export-fixtures';
import type { DocxParagraph } from './read-docx';
import { documentXml, paragraphs, unzip } from './read-docx';

const meeting = plannedMeeting();
const basis = () =>
  renderDocx(basisDocument({ org, meeting, request, summary: inputSummary(meeting) }, strictTranslator('nb')));
const held = heldWithMinutes();
const minutes = () =>
  renderDocx(minutesDocument({ org, meeting: held.meeting, minutes: held.minutes }, strictTranslator('nb')));

/** Index of the first paragraph at or after `from` whose text is `text` (or matches it). */
function at(ps: readonly DocxParagraph[], text: string | RegExp, from = 0): number {
  const k = ps.findIndex((p, i) => i >= from && (typeof text === 'string' ? p.text === text : text.test(p.text)));
  if (k < 0) throw new Error(`no paragraph ${String(text)} after ${from}`);
  return k;
}

describe('the basis document as DOCX', () => {
  let ps: DocxParagraph[];
  let parts: Map<string, Buffer>;
  beforeAll(async () => {
    const file = await basis();
    parts = unzip(file);
    ps = paragraphs(documentXml(file));
  });

  it('has a title, the meeting under it and a heading per case with its number, in agenda order', () => {
    expect(ps[0]).toEqual({ style: 'Title', text: 'Grunnlagsdokument for kommunene', inTable: false });
    expect(ps[1]?.text).toBe('OSU, møte 1/2026 – OSU-møte våren 2026');
    expect(ps.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual([
      'Sak 2/2026 Handlingsplan 2026',
      'Sak 3/2026 Høring: forskrift om akuttmedisin',
      'Sak 4/2026 Utskrivningsklare pasienter',
    ]);
  });

  it('lines the meeting facts up as label, tab, value', () => {
    expect(ps.slice(2, 7).map((p) => p.text)).toEqual([
      'Tid:\tTorsdag 23. april 2026, kl. 10.00–14.00',
      'Sted:\tDrammen sykehus, auditoriet (også på Teams)',
      'Frist for innspill:\t21.04.2026 kl. 15.00',
      'Svar:\t3 av 4 kommuner har svart',
      'Ikke svart:\tModum',
    ]);
  });

  it('counts positions in a table under each case, then the majority', () => {
    const k = at(ps, 'Sak 3/2026 Høring: forskrift om akuttmedisin');
    const cells = ps
      .slice(k)
      .filter((p) => p.inTable)
      .slice(0, 10)
      .map((p) => p.text);
    expect(cells).toEqual([
      'Standpunkt',
      'Antall',
      'Støtter',
      '2',
      'Støtter med endringer',
      '0',
      'Mot',
      '1',
      'Tar ikke stilling',
      '0',
    ]);
    expect(ps[at(ps, /^Flertallets standpunkt:/, k)]?.text).toBe('Flertallets standpunkt: Støtter (2 av 3)');
  });

  it('puts each municipality and its input under the right case and heading, in order', () => {
    const i1 = at(ps, 'Sak 2/2026 Handlingsplan 2026');
    const i2 = at(ps, 'Sak 3/2026 Høring: forskrift om akuttmedisin');
    const i3 = at(ps, 'Sak 4/2026 Utskrivningsklare pasienter');
    const drammenI1 = at(ps, `Drammen – Støtter med endringer\n«${TEXT_DRAMMEN_I1}»`);
    expect(drammenI1).toBeGreaterThan(at(ps, 'Avvikende innspill', i1));
    expect(drammenI1).toBeLessThan(i2);
    const holeI2 = at(ps, `Hole – Mot\n«${TEXT_HOLE_I2}»`);
    const otherI2 = at(ps, 'Øvrige innspill', i2);
    expect(holeI2).toBeGreaterThan(at(ps, 'Avvikende innspill', i2));
    expect(holeI2).toBeLessThan(otherI2);
    expect(at(ps, `Drammen – Støtter\n«${TEXT_DRAMMEN_I2}»`)).toBeGreaterThan(otherI2);
    expect(at(ps, 'Ikke svart: Modum', i2)).toBeLessThan(i3);
    expect(ps[holeI2]?.style).toBe('ListParagraph');
  });

  it('is tagged Norwegian, so Word checks spelling and hyphenates in Norwegian', () => {
    expect(parts.get('word/styles.xml')!.toString('utf8')).toMatch(/<w:lang w:val="nb-NO"\/>/);
  });
});

describe('the minutes as DOCX', () => {
  let ps: DocxParagraph[];
  beforeAll(async () => {
    ps = paragraphs(documentXml(await minutes()));
  });

  it('has the attendance sections, then every case in agenda order', () => {
    expect(ps[0]).toMatchObject({ style: 'Title', text: 'Protokoll' });
    expect(ps.filter((p) => p.style === 'Heading2' || p.style === 'Heading3').map((p) => p.text)).toEqual([
      'Deltakere',
      'Til stede',
      'Forfall',
      'Vararepresentanter som møtte',
      'Saker',
      'Sak 1/2026 Godkjenning av protokoll fra forrige møte',
      'Sak 2/2026 Handlingsplan 2026',
      'Sak 3/2026 Høring: forskrift om akuttmedisin',
      'Sak 4/2026 Utskrivningsklare pasienter',
      'Sak 5/2026 Revisjon av tjenesteavtale 3 (trukket)',
    ]);
    expect(
      ps
        .filter((p) => p.style === 'ListParagraph')
        .slice(0, 6)
        .map((p) => p.text),
    ).toEqual([
      'Drammen: Siri Lunde',
      'Modum: Per Aas',
      'Ringerike: Kari Holm (møteleder)',
      'Vestre Viken HF: Hanne Fjeld',
      'Hole: Ola Berg (Sykdom)',
      'Hole: Eva Dahl (for Ola Berg)',
    ]);
  });

  it('records who voted what in a table, and the vedtak with its points on separate lines', () => {
    const k = at(ps, 'Sak 2/2026 Handlingsplan 2026');
    const vote = at(ps, 'Avstemning: «Legevakt tas inn i planen.» – For: 2, Mot: 1, Avstår: 1', k);
    expect(
      ps
        .slice(vote)
        .filter((p) => p.inTable)
        .slice(0, 6)
        .map((p) => p.text),
    ).toEqual(['Navn', 'Representerer', 'Stemme', 'Kari Holm', 'Ringerike', 'For']);
    const decision = at(ps, 'Vedtak:', vote);
    expect(ps[decision + 1]?.text).toBe('1. Handlingsplanen for 2026 vedtas.\n2. Legevakt tas inn i planen.');
    expect(decision).toBeLessThan(at(ps, 'Sak 3/2026 Høring: forskrift om akuttmedisin'));
  });
});

describe('a DOCX file on disk', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'samrad-docx-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const hasUnzip = (() => {
    try {
      execFileSync('unzip', ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false; // no unzip on this machine: the in-process reader above still checks the parts
    }
  })();

  it.skipIf(!hasUnzip)('holds the parts Word requires, as `unzip -l` lists them', async () => {
    const file = join(dir, `protokoll.${docxRenderer.extension}`);
    writeFileSync(
      file,
      await docxRenderer.render(
        minutesDocument({ org, meeting: held.meeting, minutes: held.minutes }, strictTranslator('nb')),
      ),
    );
    const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    for (const part of [
      '[Content_Types].xml',
      '_rels/.rels',
      'word/document.xml',
      'word/_rels/document.xml.rels',
      'word/styles.xml',
      'docProps/core.xml',
    ]) {
      expect(listing).toContain(part);
    }
    expect(execFileSync('unzip', ['-tq', file], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const types = execFileSync('unzip', ['-p', file, '[[]Content_Types].xml'], { encoding: 'utf8' });
    expect(types).toContain('application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml');
  });
});
