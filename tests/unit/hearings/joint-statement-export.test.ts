import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../src/adapters/docx/docx-renderer';
import { csvField, toCsv } from '../../../src/app/exports/csv';
import { jointStatementDocument } from '../../../src/app/exports/joint-statement';
import { responseRows } from '../../../src/app/hearings/hearing-files';
import { compileJointStatement } from '../../../src/domain/hearing-statement';
import { Catalogue } from '../../../src/i18n/catalogue';
import { strictTranslator } from '../exports/export-messages';
import { documentXml, paragraphs } from '../exports/read-docx';
import { answered, hearing, org } from './hearing-fixtures';

describe('the joint statement as DOCX', () => {
  it("puts each answer under its question and its municipality's position, marks late ones and names the silent", async () => {
    const h = hearing();
    const doc = jointStatementDocument(org, h, compileJointStatement(h, answered()), strictTranslator('nb'));
    const ps = paragraphs(documentXml(await renderDocx(doc))).map((p) => p.text);
    const q1 = ps.indexOf('Spørsmål 1: Er forslaget godt nok utredet?');
    const q2 = ps.indexOf('Spørsmål 2: Hva betyr det for legevakt?');
    expect(q1).toBeGreaterThan(-1);
    expect(q2).toBeGreaterThan(q1);
    const section = (from: number, to: number) => ps.slice(from, to).join('\n');
    expect(section(q1, q2)).toMatch(/Enig \(1\)\nRingerike\n«Godt utredet\.»/);
    expect(section(q1, q2)).toMatch(/Uenig \(1\)\nHole \(svart etter fristen\)\n«Mangler økonomi\.»/);
    expect(section(q1, q2)).toContain('Ikke svart: Drammen');
    expect(section(q2, ps.length)).toContain('Svarte ikke på spørsmålet: Ringerike');
    expect(section(q2, ps.length)).toContain('«Mer press på legevakt.»');
    expect(ps).toContain('Svart etter fristen:\tHole');
  });

  it('is worded in English for an English reader', async () => {
    const h = hearing();
    const doc = jointStatementDocument(org, h, compileJointStatement(h, answered()), strictTranslator('en'));
    expect(doc.title).toBe('Joint hearing statement (draft)');
    expect(
      doc.blocks.some((b) => b.kind === 'heading' && b.text === 'Question 1: Er forslaget godt nok utredet?'),
    ).toBe(true);
  });
});

describe('the responses as CSV', () => {
  it('quotes separators, quotes and line breaks, and starts with a byte order mark for Excel', () => {
    expect(csvField('Gol')).toBe('Gol');
    expect(csvField('Enig, med forbehold')).toBe('"Enig, med forbehold"');
    expect(csvField('Han sa "nei"')).toBe('"Han sa ""nei"""');
    expect(csvField('linje 1\nlinje 2')).toBe('"linje 1\nlinje 2"');
    const file = toCsv(['Kommune', 'Svar'], [['Ål', 'Økt press; mer «legevakt»']]);
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.subarray(3).toString('utf8')).toBe('Kommune,Svar\r\nÅl,"Økt press; mer «legevakt»"\r\n');
  });

  it('has one row per municipality and question, also for those who did not answer', () => {
    const h = hearing();
    const rows = responseRows(org, h, answered(), Catalogue.load().for('nb'));
    expect(rows).toHaveLength(3 * 2);
    expect(rows.map((r) => [r[1], r[4], r[3], r[6]])).toEqual([
      ['Ringerike', '1', 'Enig', 'Godt utredet.'],
      ['Ringerike', '2', 'Enig', ''],
      ['Hole', '1', 'Uenig', 'Mangler økonomi.'],
      ['Hole', '2', 'Uenig', 'Mer press på legevakt.'],
      ['Drammen', '1', '', ''],
      ['Drammen', '2', '', ''],
    ]);
    expect(rows[2]?.[2]).toBe('Svart for sent');
    expect(rows[4]?.[2]).toBe('Utkast');
  });
});
