import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../../src/config';

const read = (env: Record<string, string>) => readConfig(env, '/nonexistent/.env');

describe('SAMRAD_RETENTION_DAYS', () => {
  it('defaults to 90 days and is read in days', () => {
    expect(read({}).retentionDays).toBe(90);
    expect(read({ SAMRAD_RETENTION_DAYS: '365' }).retentionDays).toBe(365);
    expect(read({ SAMRAD_RETENTION_DAYS: ' ' }).retentionDays).toBe(90);
  });

  it('refuses what is not a sensible period, saying what is wrong', () => {
    for (const [value, why] of [
      ['ninety', 'must be a whole number of days'],
      ['1.5', 'must be a whole number of days'],
      ['3', 'at least 7 days'],
      ['100000', 'at most 3650 days'],
    ] as const) {
      let error: unknown;
      try {
        read({ SAMRAD_RETENTION_DAYS: value });
      } catch (e) {
        error = e;
      }
      expect(error, value).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.join('\n'), value).toContain(`SAMRAD_RETENTION_DAYS: ${why}`);
    }
  });
});
