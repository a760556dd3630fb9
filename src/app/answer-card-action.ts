import { coordinators } from '../domain/organisation';
import type { Catalogue } from '../i18n/catalogue';
import type { Locale } from '../i18n/locale';
import type { Clock } from '../ports/clock';
import type { RecordStore } from '../ports/record-store';
import { mayUse } from '../domain/role';
import type { CardAction, CardActionContext, CardActionOutcome, CardVerb } from './card-action';
import { isCardVerb } from './card-action';
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
  private readonly byVerb: Map<CardVerb, CardAction>;

  constructor(
    actions: readonly CardAction[],
    private readonly catalogue: Catalogue,
    private readonly deps: {
      registry: OrganisationRegistry;
      store: RecordStore;
      clock: Clock;
      tenantDomains?: readonly string[];
    },
  ) {
    this.byVerb = new Map(actions.map((a) => [a.verb, a]));
    // Two handlers for one verb would make the table lie about which one runs.
    if (this.byVerb.size !== actions.length) throw new Error('Two card actions share a verb');
  }

  verbs(): CardVerb[] {
    return [...this.byVerb.keys()];
  }

  async answer(pressed: PressedAction): Promise<CardActionOutcome> {
    const t = this.catalogue.for(pressed.locale);
    const org = this.deps.registry.organisation;
    const actor = await identifyActor(
      org,
      this.deps.store,
      pressed.user,
      pressed.lookupAddress,
      this.deps.clock.now(),
      this.deps.tenantDomains,
    );
    if (actor.kind === 'unregistered') {
      const coordinator = coordinators(org)[0]?.name ?? t.t('unregistered.the-coordinator');
      const name = pressed.user.name || 'none';
      return {
        respond: text(
          t.t('unregistered', {
            name,
            coordinator,
            identity: actor.address ?? pressed.user.aadObjectId ?? pressed.user.userId,
          }),
        ),
      };
    }
    // Checked beside the action's own first reads (on SharePoint they share one `$batch`); a
    // failure still fails the press, as when it was checked first.
    const remembered = rememberTeamsUser(this.deps.store, actor.member.id, pressed.user.userId).then(
      () => undefined,
      (e: unknown) => ({ failed: e }),
    );
    const outcome = await this.run(pressed, { actor, t, org }).finally(() => remembered);
    const failure = await remembered;
    if (failure) throw failure.failed;
    return outcome;
  }

  private async run(
    pressed: PressedAction,
    { actor, t, org }: Pick<CardActionContext, 'actor' | 't' | 'org'>,
  ): Promise<CardActionOutcome> {
    const action = isCardVerb(pressed.verb) ? this.byVerb.get(pressed.verb) : undefined;
    if (!action) return { respond: text(t.t('error.CARD.UNKNOWN_ACTION')) };
    const ctx = {
      actor,
      t,
      org,
      data: pressed.data,
      conversationId: pressed.conversationId,
      actionId: pressed.actionId,
    };
    // Who may press is decided here, for every button alike; nothing runs for anyone else.
    if (!mayUse(actor.roles, action.audience))
      return action.refuse ? action.refuse(ctx) : { respond: text(t.t('error.CARD.NOT_ALLOWED')) };
    return action.run(ctx);
  }
}
