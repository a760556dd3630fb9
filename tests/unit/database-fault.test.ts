import { describe, expect, it } from 'vitest';
import { databaseFault } from '../../src/adapters/sqlite/open-database';

const fault = (code: string) =>
  databaseFault('/home/data/samrad.db', Object.assign(new Error('internal text'), { code })).message;

describe('databaseFault', () => {
  it.each([
    ['SQLITE_FULL', /disk is full/],
    ['ENOSPC', /disk is full/],
    ['SQLITE_READONLY', /read-only/],
    ['SQLITE_READONLY_DBMOVED', /read-only/],
    ['SQLITE_BUSY', /locked by another process/],
    ['SQLITE_NOTADB', /not a Samråd database/],
    ['SQLITE_CORRUPT', /not a Samråd database/],
    ['SQLITE_CANTOPEN', /cannot be opened/],
    ['EACCES', /permission denied/],
    ['SQLITE_IOERR_SHORT_READ', /disk may be full or failing/],
    ['SQLITE_IOERR_WRITE', /disk may be full or failing/],
    ['SOMETHING_NEW', /cannot be opened \(SOMETHING_NEW\)/],
  ])('%s gives one line naming the setting and what to do', (code, says) => {
    const message = fault(code);
    expect(message).toMatch(/^Samråd cannot start: the database SAMRAD_DB=\/home\/data\/samrad.db /);
    expect(message).toMatch(says);
    expect(message).not.toMatch(/\n|internal text/);
  });
});
