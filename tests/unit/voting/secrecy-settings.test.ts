import { describe, expect, it } from 'vitest';
import { HISTORY_FREE_LISTS } from '../../../src/ports/history-free';
import { BALLOT_BOXES } from '../../../src/app/voting/vote-records';
import { ConfigError, readConfig } from '../../../src/config';

describe('what keeps secret ballots secret', () => {
  it('the ballot boxes are a history-free list: renaming one without the other would keep every version', () => {
    expect(HISTORY_FREE_LISTS.has(BALLOT_BOXES)).toBe(true);
  });

  it('SAMRAD_BALLOT_KEY is read from the environment, and a short one is refused with the setting named', () => {
    expect(readConfig({ SAMRAD_BALLOT_KEY: 'b'.repeat(32) }, '/nonexistent/.env').ballotKey).toBe('b'.repeat(32));
    expect(readConfig({}, '/nonexistent/.env').ballotKey).toBeUndefined();
    expect(() => readConfig({ SAMRAD_BALLOT_KEY: 'too short' }, '/nonexistent/.env')).toThrow(ConfigError);
    expect(() => readConfig({ SAMRAD_BALLOT_KEY: 'too short' }, '/nonexistent/.env')).toThrow(
      /SAMRAD_BALLOT_KEY: at least 32 characters/,
    );
  });
});
