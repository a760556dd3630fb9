import { describe, expect, it } from 'vitest';
import {
  contentLine,
  escapeText,
  foldLine,
  icsDocument,
  localDateTime,
  paramValue,
  utcDateTime,
} from '../../../src/adapters/ics/ics-text';
import { physicalLines, unescapeText, unfold } from './ics-reader';

const octets = (s: string) => Buffer.byteLength(s, 'utf8');

describe('iCalendar text', () => {
  it('escapes backslash, semicolon, comma and every kind of line break in TEXT', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng');
  });

  it('escaping is undone by a reader, even for a backslash before an n', () => {
    const text = 'Sti: C:\\nye filer; sak 6/2026, «Vedtak»\nLinje to';
    expect(unescapeText(escapeText(text))).toBe(text);
  });

  it('drops control characters that a TEXT value may not hold, but keeps tabs', () => {
    expect(escapeText('a\u0000b\u0007c\td')).toBe('abc\td');
  });

  it('quotes parameter values with : ; or , and turns double quotes into single ones', () => {
    expect(paramValue('Kari Nordmann')).toBe('Kari Nordmann');
    expect(paramValue('Nordmann, Kari')).toBe('"Nordmann, Kari"');
    expect(paramValue('Leder: OSU')).toBe('"Leder: OSU"');
    expect(paramValue('Kari "KN" Nordmann')).toBe("Kari 'KN' Nordmann");
  });

  it('leaves a line of exactly 75 octets alone and folds one of 76', () => {
    const at75 = `X:${'a'.repeat(73)}`;
    expect(foldLine(at75)).toBe(at75);
    const at76 = `X:${'a'.repeat(74)}`;
    expect(foldLine(at76)).toBe(`X:${'a'.repeat(73)}\r\n a`);
  });

  it('folds long lines so no physical line exceeds 75 octets, the leading space included', () => {
    const folded = foldLine(`DESCRIPTION:${'x'.repeat(500)}`);
    const lines = folded.split('\r\n');
    expect(lines.length).toBeGreaterThan(6);
    expect(lines.every((l) => octets(l) <= 75)).toBe(true);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(lines.slice(0, -1).map(octets)).toEqual(lines.slice(0, -1).map(() => 75));
  });

  it('counts octets, not characters, and never splits a Norwegian letter or an emoji', () => {
    const value = 'æøå'.repeat(40) + '😀'.repeat(30);
    const folded = foldLine(`SUMMARY:${value}`);
    const lines = folded.split('\r\n');
    expect(lines.every((l) => octets(l) <= 75)).toBe(true);
    // A split inside a UTF-8 sequence would show as U+FFFD after a byte-level round trip.
    expect(lines.every((l) => !Buffer.from(l, 'utf8').toString('utf8').includes('\uFFFD'))).toBe(true);
    expect(lines.every((l) => !/[\uD800-\uDBFF]$/.test(l))).toBe(true);
    expect(unfold(icsDocument([folded]))).toEqual([`SUMMARY:${value}`]);
  });

  it('does not split an emoji when only its first half would fit', () => {
    // 8 + 62 octets leave 5: too few for the 4-octet emoji together with the next one.
    const line = `SUMMARY:${'a'.repeat(62)}${'😀'.repeat(20)}`;
    const lines = foldLine(line).split('\r\n');
    expect(lines.every((l) => !/[\uD800-\uDBFF]$/.test(l) && !/^ ?[\uDC00-\uDFFF]/.test(l))).toBe(true);
    expect(lines.map(octets)).toEqual([74, 73, 5]);
  });

  it('builds content lines with parameters in the order given', () => {
    expect(contentLine('DTSTART', '20261025T100000', { TZID: 'Europe/Oslo' })).toBe(
      'DTSTART;TZID=Europe/Oslo:20261025T100000',
    );
  });

  it('joins a document with CRLF and ends it with one', () => {
    const doc = icsDocument(['BEGIN:VCALENDAR', 'END:VCALENDAR']);
    expect(doc).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
    expect(physicalLines(doc)).toEqual(['BEGIN:VCALENDAR', 'END:VCALENDAR']);
  });

  it('writes UTC and local date-times in the basic format', () => {
    expect(utcDateTime('2026-03-05T07:04:09.123Z')).toBe('20260305T070409Z');
    expect(utcDateTime('2026-03-05T08:04:09+01:00')).toBe('20260305T070409Z');
    expect(localDateTime({ year: 2026, month: 10, day: 5, hour: 9, minute: 3, second: 0 })).toBe('20261005T090300');
  });
});
