import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/adapters/memory/memory-store';
import { parseOrganisation } from '../../src/adapters/organisation-file/yaml-organisation-source';
import { compareRoster } from '../../src/app/compare-roster';
import { identifyActor } from '../../src/app/identify-actor';
import { readConfig, tenantDomainsOf } from '../../src/config';
import { guestHostOf, homeAddressOf, isGuestUpn, isInvitedBy, sameAddress } from '../../src/domain/identity';

describe('guest identities', () => {
  it('decodes a guest UPN to the home address', () => {
    expect(homeAddressOf('siri.lie_drammen.kommune.no#EXT#@samrad.onmicrosoft.com')).toBe(
      'siri.lie@drammen.kommune.no',
    );
  });
  it('uses the last underscore: local parts may have their own', () => {
    expect(homeAddressOf('kari_anne.moe_asker.kommune.no#EXT#@host.onmicrosoft.com')).toBe(
      'kari_anne.moe@asker.kommune.no',
    );
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
  it('reads who invited a guest from the part after #EXT#@', () => {
    expect(guestHostOf('a_b.no#EXT#@Samrad.onmicrosoft.com')).toBe('samrad.onmicrosoft.com');
    expect(guestHostOf('a@b.no')).toBeUndefined();
  });
  it("trusts a guest UPN only when one of the host tenant's own domains wrote it", () => {
    const own = ['samrad.onmicrosoft.com'];
    expect(isInvitedBy('siri.lie_drammen.kommune.no#EXT#@samrad.onmicrosoft.com', own)).toBe(true);
    expect(isInvitedBy('siri.lie_drammen.kommune.no#EXT#@evil.onmicrosoft.com', own)).toBe(false);
    // A domain that merely ends like the host's, or a trailing trick, is another domain.
    expect(isInvitedBy('siri.lie_drammen.kommune.no#EXT#@evilsamrad.onmicrosoft.com', own)).toBe(false);
    expect(isInvitedBy('siri.lie_drammen.kommune.no#EXT#@samrad.onmicrosoft.com.evil.example', own)).toBe(false);
    expect(isInvitedBy('siri.lie_drammen.kommune.no#EXT#', own)).toBe(false);
    expect(isInvitedBy('siri.lie_drammen.kommune.no#EXT#@samrad.onmicrosoft.com', [])).toBe(false);
    expect(isInvitedBy('ingrid.haugen@baerum.kommune.no', own)).toBe(true);
  });
});

const parsed = parseOrganisation(readFileSync(join(__dirname, '..', '..', 'config', 'organisation.yaml'), 'utf8'));
if (!parsed.ok) throw new Error('sample organisation does not load');
const org = parsed.value;
const now = new Date('2026-03-02T09:00:00Z');
const unknownId = 'bbbbbbbb-0000-4000-8000-00000000e71e';
const user = { userId: '29:someone', aadObjectId: unknownId, name: 'Siri Lie' };

describe('identifying a guest by address', () => {
  it('refuses a look-alike guest another tenant made: unknown, and no identity link stored', async () => {
    const store = new MemoryStore();
    const lookup = async () => ({
      upn: 'siri.lie_drammen.kommune.no#EXT#@evil.onmicrosoft.com',
      email: 'siri.lie@drammen.kommune.no',
    });
    const actor = await identifyActor(org, store, user, lookup, now, ['samrad.onmicrosoft.com']);
    expect(actor.kind).toBe('unregistered');
    expect(await store.get('identityLinks', unknownId)).toBeUndefined();
  });

  it('recognises the real guest the host tenant invited, and links the object id', async () => {
    const store = new MemoryStore();
    const lookup = async () => ({ upn: 'siri.lie_drammen.kommune.no#EXT#@samrad.onmicrosoft.com' });
    const actor = await identifyActor(org, store, user, lookup, now, ['samrad.onmicrosoft.com']);
    expect(actor.kind === 'member' && actor.member.id).toBe('siri-lie');
    expect((await store.get<{ memberId: string }>('identityLinks', unknownId))?.value.memberId).toBe('siri-lie');
  });

  it('no longer honours a link a look-alike got before the domains were checked', async () => {
    const store = new MemoryStore();
    await store.create('identityLinks', unknownId, {
      memberId: 'siri-lie',
      aadObjectId: unknownId,
      address: 'siri.lie_drammen.kommune.no#EXT#@evil.onmicrosoft.com',
      linkedBy: 'address',
    });
    const lookup = async () => ({ upn: 'siri.lie_drammen.kommune.no#EXT#@evil.onmicrosoft.com' });
    expect((await identifyActor(org, store, user, lookup, now, ['samrad.onmicrosoft.com'])).kind).toBe('unregistered');
    await store.create('identityLinks', 'cccccccc-0000-4000-8000-000000000001', {
      memberId: 'siri-lie',
      aadObjectId: 'x',
      address: 'siri.lie_drammen.kommune.no#EXT#@samrad.onmicrosoft.com',
      linkedBy: 'address',
    });
    const real = { ...user, aadObjectId: 'cccccccc-0000-4000-8000-000000000001' };
    expect((await identifyActor(org, store, real, async () => undefined, now, ['samrad.onmicrosoft.com'])).kind).toBe(
      'member',
    );
  });

  it('trusts no guest by address when no host domain is known', async () => {
    const store = new MemoryStore();
    const lookup = async () => ({ upn: 'siri.lie_drammen.kommune.no#EXT#@samrad.onmicrosoft.com' });
    expect((await identifyActor(org, store, user, lookup, now)).kind).toBe('unregistered');
  });
});

describe('synkroniser and look-alike guests in a team', () => {
  it('links the guest the host invited and reports the look-alike as not in the organisation', async () => {
    const store = new MemoryStore();
    const people = [
      {
        name: 'Siri Lie',
        aadObjectId: 'dddddddd-0000-4000-8000-000000000001',
        userPrincipalName: 'siri.lie_drammen.kommune.no#EXT#@samrad.onmicrosoft.com',
      },
      {
        name: 'Per Dahl',
        aadObjectId: 'dddddddd-0000-4000-8000-000000000002',
        userPrincipalName: 'per.dahl_kongsberg.kommune.no#EXT#@evil.onmicrosoft.com',
        email: 'per.dahl@kongsberg.kommune.no',
      },
    ];
    const roster = {
      members: async function* () {
        yield* people;
      },
    };
    const report = await compareRoster(org, store, roster, ['samrad.onmicrosoft.com']);
    expect(report.linked.map((m) => m.id)).toEqual(['siri-lie']);
    expect(report.notInOrganisation.map((p) => p.aadObjectId)).toEqual(['dddddddd-0000-4000-8000-000000000002']);
    expect(await store.get('identityLinks', 'dddddddd-0000-4000-8000-000000000002')).toBeUndefined();
  });
});

describe("the host tenant's domains as a setting", () => {
  const base = { SAMRAD_MODE: 'local' };
  it('reads SAMRAD_TENANT_DOMAINS as a comma-separated, lower-cased list', () => {
    const config = readConfig(
      { ...base, SAMRAD_TENANT_DOMAINS: ' Vestreviken.onmicrosoft.com, khs.vestreviken.no ' },
      '/nonexistent',
    );
    expect(tenantDomainsOf(config)).toEqual(['vestreviken.onmicrosoft.com', 'khs.vestreviken.no']);
  });
  it('refuses what is not a domain name, naming the setting', () => {
    expect(() => readConfig({ ...base, SAMRAD_TENANT_DOMAINS: 'evil@x, ok.no' }, '/nonexistent')).toThrow(
      /SAMRAD_TENANT_DOMAINS/,
    );
  });
  it('defaults to the sample tenant locally and to no domain in production', () => {
    expect(tenantDomainsOf(readConfig(base, '/nonexistent'))).toEqual(['samrad.onmicrosoft.com']);
    expect(tenantDomainsOf({ mode: 'production' })).toEqual([]);
  });
});
