import { describe, expect, it } from 'vitest';
import { commandTable } from '../../src/app/commands/command-table';
import { commandPhrases } from '../../src/app/command-phrases';
import { editDistance, foldText } from '../../src/domain/fold-text';
import { parseCommand } from '../../src/app/parse-command';
import { Catalogue } from '../../src/i18n/catalogue';

const phrases = commandPhrases(commandTable(), Catalogue.load());
const parse = (s: string) => parseCommand(s, phrases);

describe('command parser', () => {
  it('recognises Norwegian and English words and says which language', () => {
    expect(parse('hjelp')).toEqual({ kind: 'command', commandId: 'help', args: '', language: 'nb' });
    expect(parse('Help')).toEqual({ kind: 'command', commandId: 'help', args: '', language: 'en' });
  });
  it('keeps the arguments as typed', () => {
    expect(parse('medlemmer  LSU Bærum')).toMatchObject({ commandId: 'members', args: 'LSU Bærum' });
  });
  it('prefers the longest phrase', () => {
    expect(parse('hvem er jeg')).toMatchObject({ commandId: 'whoami', args: '' });
    expect(parse('last organisasjon')).toMatchObject({ commandId: 'reload' });
  });
  it('accepts words typed without Norwegian letters and with a leading slash', () => {
    expect(parse('/kommuner')).toMatchObject({ commandId: 'municipalities' });
    expect(parse('synkroniser')).toMatchObject({ commandId: 'sync' });
  });
  it('matches whole words only', () => {
    expect(parse('hjelpen')).toMatchObject({ kind: 'unknown' });
  });
  it('suggests the closest command for a typo and nothing for gibberish', () => {
    expect(parse('hjlep')).toMatchObject({ kind: 'unknown', suggestion: { commandId: 'help', locale: 'nb' } });
    expect(parse('kommunner')).toMatchObject({ kind: 'unknown', suggestion: { commandId: 'municipalities' } });
    expect(parse('membres osu')).toMatchObject({ kind: 'unknown', suggestion: { commandId: 'members', locale: 'en' } });
    expect(parse('qwerty')).toEqual({ kind: 'unknown', input: 'qwerty' });
  });
  it('treats empty input as empty', () => {
    expect(parse('   ')).toEqual({ kind: 'empty' });
  });
});

describe('text folding', () => {
  it('folds case, spaces and Norwegian letters', () => {
    expect(foldText('  Bærum   Øvre  Ål ')).toBe('baerum ovre al');
  });
  it('counts a swapped pair of letters as one edit', () => {
    expect(editDistance('hjlep', 'hjelp')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('styret', 'styret')).toBe(0);
  });
});
