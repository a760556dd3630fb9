import { describe, expect, it } from 'vitest';
import { homeAddressOf, isGuestUpn, sameAddress } from '../../src/domain/identity';

describe('guest identities', () => {
  it('decodes a guest UPN to the home address', () => {
    expect(homeAddressOf('siri.lie_drammen.kommune.no#EXT#@samrad.onmicrosoft.com')).toBe('siri.lie@drammen.kommune.no');
  });
  it('uses the last underscore: local parts may have their own', () => {
    expect(homeAddressOf('kari_anne.moe_asker.kommune.no#EXT#@host.onmicrosoft.com')).toBe('kari_anne.moe@asker.kommune.no');
  });
  it('leaves ordinary addresses alone, lower-cased', () => {
    expect(homeAddressOf(' Ingrid.Haugen@Baerum.Kommune.no ')).toBe('ingrid.haugen@baerum.kommune.no');
  });
  it('compares addresses across guest and home forms', () => {
    expect(sameAddress('siri.lie@drammen.kommune.no', 'Siri.Lie_drammen.kommune.no#EXT#@x.onmicrosoft.com')).toBe(true);
    expect(sameAddress('siri.lie@drammen.kommune.no', 'siri.lie@lier.kommune.no')).toBe(false);
    expect(sameAddress(undefined, 'a@b.no')).toBe(false);
  });
  it('tells a guest UPN from a member UPN', () => {
    expect(isGuestUpn('a_b.no#EXT#@c.onmicrosoft.com')).toBe(true);
    expect(isGuestUpn('a@c.onmicrosoft.com')).toBe(false);
  });
});
