import { coordinators } from '../domain/organisation';
import type { Catalogue } from '../i18n/catalogue';
import type { Locale } from '../i18n/locale';
import type { Clock } from '../ports/clock';
import type { RecordStore } from '../ports/record-store';
import type { CardAction, CardActionOutcome } from './card-action';
import type { AddressLookup, TeamsUser } from './identify-actor';
import { identifyActor } from './identify-actor';
import type { OrganisationRegistry } from './organisation-registry';
import { text } from './reply';
import { rememberTeamsUser } from './teams-users';

export interface PressedAction {
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly user: TeamsUser;
  readonly lookupAddress: AddressLookup;
  readonly locale: Locale;
  readonly conversationId: string;
  readonly actionId: string;
}

/** Card buttons route by verb, like chat commands by word. The person is identified first. */
export class CardActions {
  private readonly byVerb: Map<string, CardAction>;

  constructor(
    actions: readonly CardAction[],
    private readonly catalogue: Catalogue,
    private readonly deps: { registry: OrganisationRegistry; store: RecordStore; clock: Clock; tenantDomains?: readonly string[] },
  ) {
    this.byVerb = new Map(actions.map((a) => [a.verb, a]));
  }

  verbs(): string[] {
    return [...this.byVerb.keys()];
  }

  async answer(pressed: PressedAction): Promise<CardActionOutcome> {
    const t = this.catalogue.for(pressed.locale);
    const org = this.deps.registry.organisation;
    const actor = await identifyActor(org, this.deps.store, pressed.user, pressed.lookupAddress, this.deps.clock.now(), this.deps.tenantDomains);
    if (actor.kind === 'unregistered') {
      const coordinator = coordinators(org)[0]?.name ?? t.t('unregistered.the-coordinator');
      const name = pressed.user.name || 'none';
      return { respond: text(t.t('unregistered', { name, coordinator, identity: actor.address ?? pressed.user.aadObjectId ?? pressed.user.userId })) };
    }
    await rememberTeamsUser(this.deps.store, actor.member.id, pressed.user.userId);
    const action = this.byVerb.get(pressed.verb);
    if (!action) return { respond: text(t.t('error.CARD.UNKNOWN_ACTION')) };
    return action.run({ actor, t, org, data: pressed.data, conversationId: pressed.conversationId, actionId: pressed.actionId });
  }
}
