import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commandTable } from '../../../src/app/commands/command-table';
import { areaOf } from '../../../src/app/commands/command-areas';
import { arg } from '../../../src/app/commands/grammar/args';
import { parseArgs } from '../../../src/app/commands/grammar/parse-args';
import { refusalText, usageText } from '../../../src/app/commands/grammar/usage';
import { requestInputArgs } from '../../../src/app/input/request-args';
import { Catalogue } from '../../../src/i18n/catalogue';

const catalogue = Catalogue.load();
const nb = catalogue.for('nb');
const en = catalogue.for('en');
const now = new Date('2026-12-02T13:00:00Z'); // Wednesday
const move = z.object({ meeting: arg.meeting(), when: arg.time() });

describe('arguments declared in one zod schema', () => {
  it('a reference takes as few words as let the rest fit', () => {
    expect(parseArgs(move, 'M4TQ2 2026-12-17 9:00', now, nb)).toMatchObject({
      ok: true,
      value: { meeting: 'M4TQ2', when: { date: '2026-12-17', time: { hour: 9, minute: 0 } } },
    });
    expect(parseArgs(move, 'styremøte desember tirsdag kl. 10', now, nb)).toMatchObject({
      ok: true,
      value: { meeting: 'styremøte desember', when: { date: '2026-12-08' } },
    });
    expect(parseArgs(move, 'kl. 10', now, nb)).toMatchObject({
      ok: true,
      value: { when: { time: { hour: 10, minute: 0 } } },
    });
    const parsed = parseArgs(move, 'kl. 10', now, nb);
    expect(parsed.ok && parsed.value.meeting).toBe(undefined);
  });

  it('a case named before its place may hold numbers, and is left out only before a number', () => {
    const moveCase = z.object({ caseNumber: arg.caseRef(), position: arg.position() });
    expect(parseArgs(moveCase, 'handlingsplan legevakt 2027 3', now, nb)).toMatchObject({
      ok: true,
      value: { caseNumber: 'handlingsplan legevakt 2027', position: 3 },
    });
    expect(parseArgs(moveCase, '12/2026 2', now, nb)).toMatchObject({ ok: true, value: { caseNumber: '12/2026' } });
    const placeOnly = parseArgs(moveCase, '2', now, nb);
    expect(placeOnly.ok && placeOnly.value).toEqual({ position: 2 });
    expect(parseArgs(moveCase, '12/2026', now, nb)).toMatchObject({
      ok: false,
      refused: 'position',
      understood: { caseNumber: '12/2026' },
    });
  });

  it('keyword arguments come in any order, in either language', () => {
    const a = parseArgs(requestInputArgs, 'M4TQ2 påminn 5,2 frist fredag 9:00 utsendelse 10', now, nb);
    expect(a).toMatchObject({
      ok: true,
      value: {
        meeting: 'M4TQ2',
        reminders: [5, 2],
        lead: 10,
        deadline: { date: '2026-12-04', time: { hour: 9, minute: 0 } },
      },
    });
    expect(parseArgs(requestInputArgs, 'next deadline tomorrow 9am remind 3', now, en)).toMatchObject({
      ok: true,
      value: { meeting: 'next', reminders: [3], deadline: { date: '2026-12-03' } },
    });
  });

  it('zod has the last word: days must be whole and positive', () => {
    const refused = parseArgs(requestInputArgs, 'M4TQ2 påminn 2,0', now, nb);
    expect(refused).toMatchObject({
      ok: false,
      refused: 'reminders',
      leftOver: '2,0',
      understood: { meeting: 'M4TQ2' },
    });
  });

  it('a refusal says what was understood, what was not, and the usage from the same schema', () => {
    const parsed = parseArgs(move, 'M4TQ2 kaffe', now, nb);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(refusalText(nb, 'move-meeting', move, parsed)).toBe(
      'Jeg forstod ikke «kaffe» som dato og tid[–slutt]. Jeg forstod: møte «M4TQ2». Skriv slik: «flytt møte [møte] <dato og tid[–slutt]>».',
    );
    const missing = parseArgs(move, '', now, en);
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(refusalText(en, 'move-meeting', move, missing)).toBe(
        'The date and time[–end] is missing. Type: "move meeting [meeting] <date and time[–end]>".',
      );
  });

  it('usage is generated in both languages', () => {
    expect(usageText(nb, 'request-input', requestInputArgs)).toBe(
      'be om innspill [møte] [frist <dato og tid>] [utsendelse <dager før formøtet>] [påminn <dager før fristen>]',
    );
    expect(usageText(en, 'request-input', requestInputArgs)).toBe(
      'request input [meeting] [deadline <date and time>] [send <days before the pre-meeting>] [remind <days before the deadline>]',
    );
  });

  it('every command has an area in help, and every declared command parses its own empty input without throwing', () => {
    for (const c of commandTable()) {
      expect(areaOf(c.id), c.id).toBeDefined();
      if (c.args) expect(() => parseArgs(c.args!, '', now, nb)).not.toThrow();
    }
  });
});

describe('long text typed into a command', () => {
  it("is echoed only in part in a refusal, so the answer stays far below Teams' 28 KB", () => {
    const parsed = parseArgs(move, `M4TQ2 ${'kaffe '.repeat(20_000)}`, now, nb);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(refusalText(nb, 'move-meeting', move, parsed).length).toBeLessThan(400);
  });

  it('a 100,000-character case title before a place is read at once, not word by word', () => {
    // Trying every split of 14,000 words took seconds per message, blocking every other turn.
    const moveCase = z.object({ caseNumber: arg.caseRef(), position: arg.position() });
    const title = 'Langt innspill om legevakt. '.repeat(3600).slice(0, 100_000);
    const started = performance.now();
    const parsed = parseArgs(moveCase, `${title} 2`, now, nb);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(parsed.ok && parsed.value.position).toBe(2);
  });
});
