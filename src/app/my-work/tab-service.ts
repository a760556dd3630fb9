import type { TabActor } from './tab-actor';
import { randomUUID } from 'node:crypto';
import { coordinators } from '../../domain/organisation';
import type { Role } from '../../domain/role';
import { mayUse } from '../../domain/role';
import type { Catalogue } from '../../i18n/catalogue';
import type { Locale } from '../../i18n/locale';
import type { CardAction } from '../card-action';
import type { Command, CommandDeps } from '../commands/command';
import { dashboard, type Dashboard } from '../dashboard/dashboard';
import { dashboardStamp } from '../dashboard/dashboard-stamp';
import type { Actor, AddressLookup, TeamsUser } from '../identify-actor';
import { identifyActor } from '../identify-actor';
import type { Reply } from '../reply';
import { statementLinks } from '../hearings/statement-card';
import { myWork, type WorkItem } from './my-work';
import { meetingRoom, type RoomVote } from './meeting-room';
import { formChoices, type FormChoices } from './form-choices';
import { meetingAgenda, type RoomAgenda } from './meeting-agenda';
import { teamsMeetingThread } from '../../domain/teams-meeting';
import { refusedField } from './form-fields';
import { osloDate } from '../../domain/oslo-time';
import { bodyTab, type BodyTab } from '../body-tab/body-tab';

/**
 * The card actions a tab may press. The tab sends the same fields a card would, and the action
 * runs exactly as from a card: one set of rules. Anything else is refused before it runs.
 */
export const TAB_VERBS = [
  'input.save',
  'input.submit',
  'hearing.save',
  'hearing.submit',
  'vote.cast',
  'vote.close',
  'follow-up.done',
  'minutes.approve',
  // The dashboard's forms: the same forms as the bot's cards, so nobody types an id.
  'meeting.create',
  'agenda.add',
  'hearing.register',
  // The side panel: the chair opens the vote on a case.
  'vote.open',
] as const;
/** Chat commands the dashboard runs with an id it already holds, so nobody types one. */
export const TAB_COMMANDS = ['request-input', 'compile-hearing', 'retry-job'] as const;

export type TabVerb = (typeof TAB_VERBS)[number];
export type TabCommand = (typeof TAB_COMMANDS)[number];

export interface TabPerson {
  readonly memberId: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

export type TabOutcome =
  | { readonly ok: true; readonly notice: string; readonly links?: { readonly docx: string; readonly csv: string } }
  | { readonly ok: false; readonly status: 403 | 404; readonly notice: string }
  /** A form refused: nothing stored, and the field the message is about, when it is about one. */
  | { readonly ok: false; readonly status: 422; readonly notice: string; readonly field?: string };

/** What the tab's person is, once: a member with roles, or someone the organisation does not know. */

export class TabService {
  private readonly actions: ReadonlyMap<string, CardAction>;
  private readonly commands: ReadonlyMap<string, Command>;

  constructor(
    actions: readonly CardAction[],
    commands: readonly Command[],
    private readonly catalogue: Catalogue,
    private readonly services: CommandDeps,
  ) {
    this.actions = new Map(
      actions.filter((a) => (TAB_VERBS as readonly string[]).includes(a.verb)).map((a) => [a.verb, a]),
    );
    this.commands = new Map(
      commands.filter((c) => (TAB_COMMANDS as readonly string[]).includes(c.id)).map((c) => [c.id, c]),
    );
  }

  /**
   * The same identification as the bot's: object id, an earlier link, then a trusted address.
   * The tab never writes the Teams user id (29:…): it has none, and the bot's stays right.
   */
  async identify(user: TeamsUser, lookup: AddressLookup): Promise<Actor> {
    const { registry, store, clock, tenantDomains } = this.services;
    return identifyActor(registry.organisation, store, user, lookup, clock.now(), tenantDomains);
  }

  person(actor: TabActor): TabPerson {
    return { memberId: actor.member.id, name: actor.member.name, roles: [...actor.roles] };
  }

  /** For the unknown person: who to ask, in their language. */
  unknown(actor: Exclude<Actor, TabActor>, locale: Locale): string {
    const t = this.catalogue.for(locale);
    const org = this.services.registry.organisation;
    const coordinator = coordinators(org)[0]?.name ?? t.t('unregistered.the-coordinator');
    return t.t('unregistered', {
      name: actor.user.name || 'none',
      coordinator,
      identity: actor.address ?? actor.user.aadObjectId ?? actor.user.userId,
    });
  }

  myWork(actor: TabActor): Promise<WorkItem[]> {
    return myWork(this.services, this.services.registry.organisation, actor);
  }

  /**
   * The meeting side panel and stage: the agenda of the Samråd meeting this Teams meeting was
   * scheduled for (else the person's next one), each case with its input summary, and the votes
   * running now as this person may see them (only that meeting's, when it is known).
   */
  async meetingRoom(
    actor: TabActor,
    teams: { readonly chatId?: string; readonly meetingId?: string },
  ): Promise<{ votes: RoomVote[]; agenda: RoomAgenda | null }> {
    const agenda = await meetingAgenda(
      this.services,
      this.services.registry.organisation,
      actor,
      teamsMeetingThread(teams),
    );
    const votes = await meetingRoom(
      this.services,
      actor,
      agenda?.found === 'teams-meeting' ? agenda.meetingId : undefined,
    );
    return { votes, agenda: agenda ?? null };
  }

  /** The bodies a channel tab may show: its settings page picks one. */
  bodies(): { readonly id: string; readonly name: string }[] {
    return this.services.registry.organisation.bodies.map((b) => ({ id: b.id, name: b.name }));
  }

  /**
   * A body's channel tab: anyone registered may read it, as anyone registered may search the
   * decision register (`vedtak`). Undefined for a body the organisation does not have.
   */
  bodyTab(_actor: TabActor, bodyId: string, search: string): Promise<BodyTab | undefined> {
    return bodyTab(this.services, this.services.registry.organisation, bodyId, search);
  }

  /** Coordinators only: the dashboard's eTag from version stamps, without building it (`dashboard-stamp.ts`). */
  async dashboardStamp(actor: TabActor, locale: Locale): Promise<string | undefined> {
    if (!actor.roles.has('coordinator')) return undefined;
    return dashboardStamp(this.services, this.services.registry.organisation, locale);
  }

  /** Coordinators only: the whole cooperation. */
  async dashboard(actor: TabActor, locale: Locale): Promise<Dashboard | undefined> {
    if (!actor.roles.has('coordinator')) return undefined;
    return dashboard(this.services, this.services.registry.organisation, this.catalogue.for(locale));
  }

  /** What the dashboard's forms offer to pick from; coordinators only, as the forms are. */
  choices(actor: TabActor): FormChoices | undefined {
    if (!actor.roles.has('coordinator')) return undefined;
    return formChoices(this.services.registry.organisation, osloDate(this.services.clock.now().toISOString()));
  }

  /** A card action pressed in the tab. `actionId` is the tab's idempotency key: a retried request repeats it. */
  async act(
    actor: TabActor,
    verb: string,
    data: Readonly<Record<string, unknown>>,
    locale: Locale,
    actionId: string,
  ): Promise<TabOutcome> {
    const t = this.catalogue.for(locale);
    const action = this.actions.get(verb);
    if (!action) return { ok: false, status: 404, notice: t.t('error.CARD.UNKNOWN_ACTION') };
    const ctx = {
      actor,
      t,
      org: this.services.registry.organisation,
      data,
      conversationId: `tab:${actor.member.id}`,
      actionId: `tab:${actionId || randomUUID()}`,
    };
    // Who may press is decided as for a card (CardActions): nothing runs for anyone else.
    if (!mayUse(actor.roles, action.audience)) {
      const why = action.refuse ? noticeOf((await action.refuse(ctx)).respond) : '';
      return { ok: false, status: 403, notice: why || t.t('tab.not-allowed') };
    }
    const outcome = await action.run(ctx);
    if (outcome.refused) {
      const field = refusedField(outcome.refused, data, this.services.clock.now());
      return { ok: false, status: 422, notice: noticeOf(outcome.respond), ...(field && { field }) };
    }
    return { ok: true, notice: noticeOf(outcome.respond) };
  }

  /** A chat command run with the id the dashboard holds, under the command's own audience. */
  async command(actor: TabActor, id: string, args: string, locale: Locale): Promise<TabOutcome> {
    const t = this.catalogue.for(locale);
    const command = this.commands.get(id);
    if (!command) return { ok: false, status: 404, notice: t.t('error.CARD.UNKNOWN_ACTION') };
    if (!mayUse(actor.roles, command.audience)) return { ok: false, status: 403, notice: t.t('tab.not-allowed') };
    const org = this.services.registry.organisation;
    const replies = await command.run(
      { actor, t, org, args, conversation: { kind: 'personal', id: `tab:${actor.member.id}` } },
      this.services,
    );
    if (id === 'compile-hearing' && replies.some((r) => r.kind === 'card')) {
      return {
        ok: true,
        notice: t.t('tab.hearing.compiled'),
        links: statementLinks(this.services.links, args.trim().toUpperCase(), locale, this.services.clock.now()),
      };
    }
    return { ok: true, notice: replies.map(noticeOf).filter(Boolean).join('\n\n') };
  }
}

/** What the person is told after an action: the reply's text, or the notice its card carries. */
function noticeOf(reply: Reply): string {
  if (reply.kind === 'text') return reply.text;
  const notice = (reply.data as { notice?: unknown }).notice;
  return typeof notice === 'string' ? notice : '';
}
