import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../../src/adapters/memory/memory-store';
import { parseOrganisation } from '../../../src/adapters/organisation-file/yaml-organisation-source';
import type { CommandContext, CommandDeps } from '../../../src/app/commands/command';
import { deliveryFailuresCommand } from '../../../src/app/commands/delivery-failures.command';
import type { DeliveryFailure, DeliveryFailureKind } from '../../../src/app/delivery/delivery-failures';
import { DELIVERY_FAILURE_KINDS, recordDeliveryFailure } from '../../../src/app/delivery/delivery-failures';
import { recipientsOf } from '../../../src/app/delivery/failure-recipients';
import { linkIdentity } from '../../../src/app/identify-actor';
import { BODY_CHANNELS } from '../../../src/app/meetings/announcement-records';
import type { ConversationRecord } from '../../../src/app/remember-conversation';
import { rememberTeamsUser } from '../../../src/app/teams-users';
import type { Organisation } from '../../../src/domain/organisation';
import { Catalogue } from '../../../src/i18n/catalogue';

const parsed = parseOrganisation(
  readFileSync(join(__dirname, '..', '..', '..', 'config', 'organisation.yaml'), 'utf8'),
);
if (!parsed.ok) throw new Error('the sample organisation does not load');
const org: Organisation = parsed.value;
const catalogue = Catalogue.load();

const failure = (conversationId: string, over: Partial<DeliveryFailure> = {}): DeliveryFailure => ({
  conversationId,
  conversationKind: 'personal',
  message: 'hearing-card',
  operation: 'send',
  kind: 'blocked-by-user',
  reason: 'ConversationBlockedByUser (403)',
  at: '2026-11-20T08:30:00.000Z',
  ...over,
});

/** A personal chat as remember-conversation stores it; `user` is the reference's user account. */
async function chat(store: MemoryStore, id: string, user: Record<string, string>, aadObjectId?: string) {
  const record: ConversationRecord = {
    kind: 'personal',
    ...(aadObjectId && { aadObjectId }),
    installed: true,
    reference: { channelId: 'msteams', user, conversation: { id, conversationType: 'personal' } },
    updated: '2026-11-01T00:00:00.000Z',
  };
  await store.create('conversations', id, record);
}

describe('whom a delivery failure was for', () => {
  it('names the person through every identity link Samråd keeps, with their municipalities', async () => {
    const store = new MemoryStore();
    // 1. The object id in the organisation file (Marit, Gol).
    const byFile = failure('c-file', { aadObjectId: '6F1C2A4E-1B2C-4D3E-8F40-000000000003' });
    // 2. A guest linked by address when she first wrote (Siri, Drammen: no object id in the file).
    await linkIdentity(
      store,
      'siri-lie',
      'siri-guest-oid',
      'siri.lie_drammen.kommune.no#EXT#@vestreviken.onmicrosoft.com',
      'address',
    );
    const byLink = failure('c-link', { aadObjectId: 'siri-guest-oid' });
    // 3. A link whose member id the file no longer has: matched again by the address it kept.
    await linkIdentity(store, 'old-id-of-siri', 'siri-second-oid', 'siri.lie@drammen.kommune.no', 'roster');
    const byLinkAddress = failure('c-link-address', { aadObjectId: 'siri-second-oid' });
    // 4. No object id on the failure: the chat's own record names it.
    await chat(store, 'c-chat-record', { id: '29:ola' }, '6f1c2a4e-1b2c-4d3e-8f40-000000000002');
    const byChat = failure('c-chat-record');
    // 5. Only the Teams user id in the chat's reference, learnt when the person wrote.
    await rememberTeamsUser(store, 'siri-lie', '29:siri-user');
    await chat(store, 'c-user-id', { id: '29:siri-user' });
    const byUserId = failure('c-user-id');
    // 6. A guest UPN in the chat's reference.
    await chat(store, 'c-upn', {
      id: '29:someone',
      userPrincipalName: 'marit.kvam_gol.kommune.no#EXT#@vestreviken.onmicrosoft.com',
    });
    const byUpn = failure('c-upn');

    // 7. The same guest UPN written by another tenant names nobody (a look-alike).
    await chat(store, 'c-look-alike', {
      id: '29:evil',
      userPrincipalName: 'marit.kvam_gol.kommune.no#EXT#@evil.onmicrosoft.com',
    });
    const byLookAlike = failure('c-look-alike');

    const all = [byFile, byLink, byLinkAddress, byChat, byUserId, byUpn, byLookAlike];
    const recipient = await recipientsOf(store, org, all, ['vestreviken.onmicrosoft.com']);
    expect(all.map((f) => recipient(f))).toEqual([
      { kind: 'member', name: 'Marit Kvam', municipalities: ['Gol'] },
      { kind: 'member', name: 'Siri Lie', municipalities: ['Drammen'] },
      { kind: 'member', name: 'Siri Lie', municipalities: ['Drammen'] },
      { kind: 'member', name: 'Ola Berg', municipalities: ['Ringerike'] },
      { kind: 'member', name: 'Siri Lie', municipalities: ['Drammen'] },
      { kind: 'member', name: 'Marit Kvam', municipalities: ['Gol'] },
      { kind: 'unknown' },
    ]);
  });

  it('someone no record names is shown with their object id; a channel by its body', async () => {
    const store = new MemoryStore();
    await store.create(BODY_CHANNELS, 'styret', {
      bodyId: 'styret',
      conversationId: '19:board@thread.tacv2',
      linkedBy: 'ingrid-haugen',
      at: '2026-11-01T00:00:00.000Z',
    });
    const stranger = failure('c-stranger', { aadObjectId: 'aaaa-stranger' });
    const nobody = failure('c-nobody');
    const channel = failure('19:board@thread.tacv2', { conversationKind: 'channel' });
    const otherChannel = failure('19:other@thread.tacv2', { conversationKind: 'channel' });
    const recipient = await recipientsOf(store, org, [stranger, nobody, channel, otherChannel]);
    expect([stranger, nobody, channel, otherChannel].map((f) => recipient(f))).toEqual([
      { kind: 'unknown', objectId: 'aaaa-stranger' },
      { kind: 'unknown' },
      { kind: 'channel', body: 'Samarbeidsstyret' },
      { kind: 'channel' },
    ]);
  });
});

describe('leveringsfeil', () => {
  const run = async (store: MemoryStore, locale: 'nb' | 'en') => {
    const ctx = { org, t: catalogue.for(locale), args: '' } as unknown as CommandContext;
    const [reply] = await deliveryFailuresCommand.run(ctx, {
      store,
      clock: { now: () => new Date('2026-12-02T12:00:00Z') },
      tenantDomains: ['vestreviken.onmicrosoft.com'],
    } as unknown as CommandDeps);
    return reply?.kind === 'text' ? reply.text : '';
  };

  it('says whom and why for each kind of refusal, in Oslo time, in both languages', async () => {
    const store = new MemoryStore();
    await linkIdentity(
      store,
      'siri-lie',
      'siri-guest-oid',
      'siri.lie_drammen.kommune.no#EXT#@vestreviken.onmicrosoft.com',
      'address',
    );
    const kinds: DeliveryFailureKind[] = [
      'blocked-by-user',
      'bot-removed',
      'disabled-by-admin',
      'not-found',
      'too-large',
    ];
    for (const [i, kind] of kinds.entries())
      await recordDeliveryFailure(
        store,
        `job-${i}`,
        failure(`c-${i}`, { aadObjectId: 'siri-guest-oid', kind, at: `2026-11-20T08:3${i}:00.000Z` }),
      );
    const nb = await run(store, 'nb');
    expect(nb).toContain(
      '20.11.2026 kl. 09.30: Siri Lie (Drammen) fikk ikke «hearing-card» (personen har blokkert Samråd)',
    );
    expect(nb).toContain('(Samråd er ikke lenger med i samtalen)');
    expect(nb).toContain('(administrator har slått av Samråd i tenanten)');
    expect(nb).toContain('(samtalen finnes ikke lenger, trolig fordi Samråd er fjernet)');
    expect(nb).toContain('(meldingen var for stor for Teams)');
    expect(nb).not.toContain('ikke er i organisasjonen');
    const en = await run(store, 'en');
    expect(en).toContain('Siri Lie (Drammen) did not get “hearing-card” (the person blocked Samråd)');
    expect(en).toContain('(the message was too large for Teams)');
    expect(en).not.toMatch(/ConversationBlockedByUser|403/);
  });

  it('a record from before kinds were kept reads as a plain refusal', async () => {
    const store = new MemoryStore();
    const { kind: _none, ...old } = failure('c-old', { aadObjectId: 'nobody-oid' });
    await recordDeliveryFailure(store, 'old', old);
    expect(await run(store, 'nb')).toContain(
      'en person som ikke er i organisasjonen (objekt-ID nobody-oid) fikk ikke «hearing-card» (Teams nektet å levere)',
    );
  });

  it('every kind has words in both languages', () => {
    for (const locale of ['nb', 'en'] as const)
      for (const kind of DELIVERY_FAILURE_KINDS)
        expect(catalogue.for(locale).has(`delivery-failures.kind.${kind}`), `${locale} ${kind}`).toBe(true);
  });
});
