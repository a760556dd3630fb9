import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/app/commands/command';
import { annualPlanCommand } from '../../../src/app/commands/annual-plan.command';
import { closeVoteCommand } from '../../../src/app/commands/close-vote.command';
import { remindVoteCommand } from '../../../src/app/commands/remind-vote.command';
import { usageText } from '../../../src/app/commands/grammar/usage';
import { closeHearingCommand } from '../../../src/app/commands/close-hearing.command';
import { compileHearingCommand } from '../../../src/app/commands/compile-hearing.command';
import { cancelMeetingCommand } from '../../../src/app/commands/cancel-meeting.command';
import { reportAbsenceCommand } from '../../../src/app/commands/report-absence.command';
import { reportWithdrawalCommand } from '../../../src/app/commands/report-withdrawal.command';
import { decisionsCommand } from '../../../src/app/commands/decisions.command';
import { feesCommand } from '../../../src/app/commands/fees.command';
import { parseArgs } from '../../../src/app/commands/grammar/parse-args';
import { refusalText } from '../../../src/app/commands/grammar/usage';
import { Catalogue } from '../../../src/i18n/catalogue';
import { commandTable } from '../../../src/app/commands/command-table';

const catalogue = Catalogue.load();
const nb = catalogue.for('nb');
const en = catalogue.for('en');
const now = new Date('2026-12-02T13:00:00Z');

/** The refusal a declared command gives for `typed`, as the person reads it. */
function refusal(command: Command, typed: string, locale: 'nb' | 'en'): string {
  const t = locale === 'nb' ? nb : en;
  const parsed = parseArgs(command.args!, typed, now, t);
  if (parsed.ok) throw new Error(`«${typed}» was accepted by ${command.id}`);
  return refusalText(t, command.id, command.args!, parsed);
}

describe('converted commands refuse a bad argument with what was understood and the usage', () => {
  it('kontingent: a year is four digits', () => {
    expect(refusal(feesCommand, 'neste', 'nb')).toBe('Jeg forstod ikke «neste» som år. Skriv slik: «kontingent [år]».');
    expect(refusal(feesCommand, 'next', 'en')).toBe('I did not understand "next" as year. Type: "fees [year]".');
    expect(refusal(feesCommand, '27', 'nb')).toContain('«27» som år');
    expect(parseArgs(feesCommand.args!, '2027', now, nb)).toMatchObject({ ok: true, value: { year: 2027 } });
    expect(parseArgs(feesCommand.args!, '', now, nb)).toMatchObject({ ok: true, value: {} });
  });

  it('årshjul: a year is four digits', () => {
    expect(refusal(annualPlanCommand, 'neste', 'nb')).toBe(
      'Jeg forstod ikke «neste» som år. Skriv slik: «årshjul [år]».',
    );
    expect(refusal(annualPlanCommand, '2027 kaffe', 'en')).toBe(
      'I did not understand "kaffe". I understood: year 2027. Type: "annual plan [year]".',
    );
  });

  it('lukk avstemning, påminn: the vote is all the words (an unknown one is answered by picking), the usage generated', () => {
    for (const c of [closeVoteCommand, remindVoteCommand]) {
      expect(parseArgs(c.args!, 'budsjett 2027 K7P3Q', now, nb)).toMatchObject({
        ok: true,
        value: { vote: 'budsjett 2027 K7P3Q' },
      });
      expect(parseArgs(c.args!, '', now, en)).toMatchObject({ ok: true, value: {} });
    }
    expect(usageText(nb, 'close-vote', closeVoteCommand.args!)).toBe('lukk avstemning [avstemning]');
    expect(usageText(en, 'close-vote', closeVoteCommand.args!)).toBe('close vote [vote]');
    expect(usageText(nb, 'remind-vote', remindVoteCommand.args!)).toBe('påminn [avstemning]');
    expect(usageText(en, 'remind-vote', remindVoteCommand.args!)).toBe('remind [vote]');
  });

  it('lukk høring, sammenstill høring: the hearing by id or title words, the usage generated', () => {
    for (const c of [closeHearingCommand, compileHearingCommand]) {
      expect(parseArgs(c.args!, 'regional helseplan', now, nb)).toMatchObject({
        ok: true,
        value: { hearing: 'regional helseplan' },
      });
    }
    expect(usageText(nb, 'close-hearing', closeHearingCommand.args!)).toBe('lukk høring [høring]');
    expect(usageText(en, 'compile-hearing', compileHearingCommand.args!)).toBe('compile hearing [hearing]');
  });

  it('avlys møte: an id, "neste" or nothing (the command then offers the coming meetings and asks)', () => {
    const args = cancelMeetingCommand.args!;
    expect(parseArgs(args, 'neste ingen saker', now, nb)).toMatchObject({
      ok: true,
      value: { meeting: 'neste', reason: 'ingen saker' },
    });
    const nothing = parseArgs(args, '', now, en);
    expect(nothing.ok && nothing.value).toEqual({});
    // A quarter of the ids have no digit ("QEKKY"): they are ids all the same.
    expect(parseArgs(args, 'QEKKY Ingen saker', now, nb)).toMatchObject({
      ok: true,
      value: { meeting: 'QEKKY', reason: 'Ingen saker' },
    });
    expect(parseArgs(args, 'M4TQ2 Sykehuset har ikke saker', now, nb)).toMatchObject({
      ok: true,
      value: { meeting: 'M4TQ2', reason: 'Sykehuset har ikke saker' },
    });
    // Title words are read by the command, which knows the titles (cancel-meeting-pick.ts).
    const words = parseArgs(args, 'styremøte januar Ingen saker', now, nb);
    expect(words.ok && words.value).toEqual({ reason: 'styremøte januar Ingen saker' });
    expect(usageText(nb, 'cancel-meeting', args)).toBe('avlys møte [møte:] [grunn]');
    expect(usageText(en, 'cancel-meeting', args)).toBe('cancel meeting [meeting:] [reason]');
  });

  it('meld forfall: a meeting id or "neste" first, the rest the reason; "neste" never stands for a required meeting', () => {
    const args = reportAbsenceCommand.args!;
    expect(parseArgs(args, 'M4TQ2 Sykdom', now, nb)).toMatchObject({
      ok: true,
      value: { meeting: 'M4TQ2', reason: 'Sykdom' },
    });
    expect(parseArgs(args, 'neste Sykdom i familien', now, nb)).toMatchObject({
      ok: true,
      value: { meeting: 'neste', reason: 'Sykdom i familien' },
    });
    const plain = parseArgs(args, 'Sykdom i familien', now, nb);
    expect(plain).toMatchObject({ ok: true, value: { reason: 'Sykdom i familien' } });
    expect(plain.ok && plain.value.meeting).toBe(undefined);
    expect(usageText(nb, 'report-absence', args)).toBe('meld forfall [møte:] [grunn]');
    expect(usageText(en, 'report-absence', args)).toBe('report absence [meeting:] [reason]');
  });

  it('meld forfall: a colon or quotes end the meeting’s name; the first one counts', () => {
    const args = reportAbsenceCommand.args!;
    const read = (typed: string) => {
      const parsed = parseArgs(args, typed, now, nb);
      return parsed.ok ? parsed.value : parsed;
    };
    expect(read('styremøte januar: Ikke beslutningsdyktig')).toEqual({
      meeting: 'styremøte januar',
      reason: 'Ikke beslutningsdyktig',
    });
    expect(read('januar : Syk')).toEqual({ meeting: 'januar', reason: 'Syk' });
    expect(read('«styremøte januar» Syk: feber')).toEqual({ meeting: 'styremøte januar', reason: 'Syk: feber' });
    expect(read('"januar": Syk')).toEqual({ meeting: 'januar', reason: 'Syk' });
    expect(read('M4TQ2: Syk')).toEqual({ meeting: 'M4TQ2', reason: 'Syk' });
    expect(read('neste: Syk')).toEqual({ meeting: 'neste', reason: 'Syk' });
    // After an id or "neste" a colon is the reason's; with none, it is all the reason.
    expect(read('M4TQ2 Syk: feber')).toEqual({ meeting: 'M4TQ2', reason: 'Syk: feber' });
    expect(read('Sykdom i familien')).toEqual({ reason: 'Sykdom i familien' });
    expect(read('«januar Syk')).toEqual({ reason: '«januar Syk' });
  });

  it('meld utmelding: the municipality, then a date that is one', () => {
    expect(refusal(reportWithdrawalCommand, 'Hole 10.13.2026', 'nb')).toBe(
      'Jeg forstod ikke «10.13.2026» som varslet dato. Jeg forstod: kommune «Hole». Skriv slik: «meld utmelding <kommune> <varslet dato>».',
    );
    expect(refusal(reportWithdrawalCommand, 'Nore og Uvdal', 'en')).toContain(
      'Type: "report withdrawal <municipality> <notice date>".',
    );
  });

  it('vedtak: the search is free text, its usage the same as before', () => {
    expect(parseArgs(decisionsCommand.args!, 'styret 2026 legevakt', now, nb)).toMatchObject({
      ok: true,
      value: { query: 'styret 2026 legevakt' },
    });
    expect(usageText(nb, 'decisions', decisionsCommand.args!)).toBe(nb.t('command.decisions.usage'));
    expect(usageText(en, 'decisions', decisionsCommand.args!)).toBe(en.t('command.decisions.usage'));
  });
});

describe('every command in the table is declared with the grammar', () => {
  it('has a schema, so its parser, refusal and usage in help come from one place', () => {
    const undeclared = commandTable()
      .filter((c) => c.args === undefined)
      .map((c) => c.id);
    expect(undeclared).toEqual([]);
    expect(commandTable().length).toBeGreaterThan(40);
  });

  it('a command without arguments refuses words it cannot place, with its usage', () => {
    const board = commandTable().find((c) => c.id === 'board')!;
    expect(refusal(board, 'kaffe', 'nb')).toBe('Jeg forstod ikke «kaffe». Skriv slik: «styret».');
  });

  it('flytt sak: a number, title words or nothing, and a place; endre sak, trekk sak: a number, title words or nothing', () => {
    const move = commandTable().find((c) => c.id === 'move-case')!;
    expect(parseArgs(move.args!, '12/2026 2', now, nb)).toMatchObject({
      ok: true,
      value: { caseNumber: '12/2026', position: 2 },
    });
    expect(parseArgs(move.args!, 'tolv 2', now, nb)).toMatchObject({ ok: true, value: { caseNumber: 'tolv' } });
    expect(refusal(move, '12/2026 0', 'en')).toBe(
      'I did not understand "0" as position. I understood: case number or title «12/2026». Type: "move case [case number or title] <position>".',
    );
    // endre sak and trekk sak take a number, title words or nothing (the command offers the open cases).
    const edit = commandTable().find((c) => c.id === 'edit-case')!;
    expect(parseArgs(edit.args!, '', now, nb)).toMatchObject({ ok: true, value: {} });
    expect(parseArgs(edit.args!, 'handlingsplan legevakt', now, nb)).toMatchObject({
      ok: true,
      value: { caseNumber: 'handlingsplan legevakt' },
    });
    expect(usageText(nb, 'edit-case', edit.args!)).toBe('endre sak [saksnummer eller tittel]');
    expect(usageText(en, 'withdraw-case', commandTable().find((c) => c.id === 'withdraw-case')!.args!)).toBe(
      'withdraw case [case number or title]',
    );
  });

  it('foreslå tid: a body, a duration and a date, "fra" or not', () => {
    const suggest = commandTable().find((c) => c.id === 'suggest-time')!;
    expect(parseArgs(suggest.args!, 'styret 2t 24.11.', now, nb)).toMatchObject({
      ok: true,
      value: { body: 'styret', duration: 120, from: { date: '2027-11-24' } },
    });
    expect(parseArgs(suggest.args!, 'LSU Bærum 90 fra tirsdag', now, nb)).toMatchObject({
      ok: true,
      value: { body: 'LSU Bærum', duration: 90, from: { date: '2026-12-08' } },
    });
    expect(refusal(suggest, 'styret 2x', 'nb')).toBe(
      'Jeg forstod ikke «2x» som varighet. Jeg forstod: organ «styret». Skriv slik: «foreslå tid [organ] [varighet] [fra dato]».',
    );
    expect(refusal(suggest, 'styret 2t 31.02.2027', 'nb')).toContain(
      'Jeg forstod ikke «31.02.2027». Jeg forstod: organ «styret», varighet 120.',
    );
  });
});
