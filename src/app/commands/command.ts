import type { Organisation } from '../../domain/organisation';
import type { Audience } from '../../domain/role';
import type { Translator } from '../../i18n/catalogue';
import type { Clock } from '../../ports/clock';
import type { FreeBusy } from '../../ports/free-busy';
import type { RecordStore } from '../../ports/record-store';
import type { TeamRoster } from '../../ports/team-roster';
import type { Actor } from '../identify-actor';
import type { OrganisationRegistry } from '../organisation-registry';
import type { Reply } from '../reply';
import type { KeyedLock } from '../voting/keyed-lock';
import type { JobScheduler } from '../scheduling/scheduler';
import type { SignedLinks } from '../exports/signed-links';
import type { HearingDeps } from '../hearings/hearing-jobs';
import type { ArgsSchema } from './grammar/args';

export type ConversationKind = 'personal' | 'groupChat' | 'channel';

export interface CommandContext {
  readonly actor: Extract<Actor, { kind: 'member' }>;
  readonly t: Translator;
  readonly org: Organisation;
  /** What followed the command words, as typed. */
  readonly args: string;
  readonly conversation: { readonly kind: ConversationKind; readonly id: string };
}

/** What commands may use; the composition root provides it. */
export interface CommandDeps {
  readonly registry: OrganisationRegistry;
  readonly store: RecordStore;
  readonly clock: Clock;
  /** One vote's ballots are written one at a time in this process. */
  readonly voteLock: KeyedLock;
  readonly scheduler: JobScheduler;
  /** Signed download links for documents (the basis document, minutes). */
  readonly links: SignedLinks;
  /** When people are busy: Graph's getSchedule with a tenant, Samråd's own meetings without. */
  readonly freeBusy?: FreeBusy;
  /** Hearings: distribution, reminders and the coordinator's card, also from commands. */
  readonly hearings: HearingDeps;
  /**
   * The roster of the team this conversation belongs to, when there is one to read. A function:
   * finding it may read the store, and only `synkroniser` needs it (not every turn).
   */
  readonly roster?: () => Promise<TeamRoster | undefined>;
  /** The host tenant's own domains: guests invited by another tenant are not known by address. */
  readonly tenantDomains?: readonly string[];
}

/**
 * One chat command. Its words, usage and description are in the message
 * catalogues under `command.<id>.*`, in both languages.
 */
export interface Command {
  readonly id: string;
  readonly audience: readonly Audience[];
  /** Whether `command.<id>.usage` names an argument (shown in help). */
  readonly takesArgument: boolean;
  /** Teams shows at most 10 commands per scope; those left out still work when typed. */
  readonly inMenu?: false;
  /** Declared arguments (grammar/args.ts): the usage in help is generated from them. */
  readonly args?: ArgsSchema;
  run(ctx: CommandContext, services: CommandDeps): Promise<Reply[]>;
}
