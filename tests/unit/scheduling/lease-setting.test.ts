import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../../src/config';

const read = (env: Record<string, string>) => readConfig(env, '/nonexistent/.env');

describe('SAMRAD_JOB_LEASE_SECONDS', () => {
  it('defaults so that a crashed instance is taken over within 30 s at a 5 s poll', () => {
    const lease = read({}).jobLeaseMs!;
    expect(lease + 5_000).toBeLessThanOrEqual(30_000);
    expect(lease).toBeGreaterThanOrEqual(5_000);
  });

  it('is read in seconds', () => {
    expect(read({ SAMRAD_JOB_LEASE_SECONDS: '45' }).jobLeaseMs).toBe(45_000);
    expect(read({ SAMRAD_JOB_LEASE_SECONDS: ' ' }).jobLeaseMs).toBe(read({}).jobLeaseMs);
  });

  it('refuses what is not a sensible lease, saying what is wrong', () => {
    for (const [value, why] of [
      ['abc', 'must be a whole number of seconds'],
      ['2.5', 'must be a whole number of seconds'],
      ['1', 'at least 5 seconds'],
      ['86400', 'at most 3600 seconds'],
    ] as const) {
      let error: unknown;
      try {
        read({ SAMRAD_JOB_LEASE_SECONDS: value });
      } catch (e) {
        error = e;
      }
      expect(error, value).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.join('\n'), value).toContain(`SAMRAD_JOB_LEASE_SECONDS: ${why}`);
    }
  });
});
