import { ActivityHandler } from '@microsoft/agents-hosting';
import type { CloudAdapter, TurnContext } from '@microsoft/agents-hosting';
import type { ChatCommands } from '../../app/answer-chat-message';
import type { CardActions, PressedAction } from '../../app/answer-card-action';
import type {
  AdaptiveCardInvokeResponse,
  AdaptiveCardInvokeValue,
  SearchInvokeResponse,
  SearchInvokeValue,
} from '@microsoft/agents-hosting';
import type { ChoiceSearch } from '../../app/search-choices';
import { carryOut } from './card-invoke';
import type { OrganisationRegistry } from '../../app/organisation-registry';
import type { ConversationRecord } from '../../app/remember-conversation';
import { channelRoot, forgetInstallation, rememberConversation } from '../../app/remember-conversation';
import { welcome } from '../../app/welcome';
import type { Catalogue } from '../../i18n/catalogue';
import type { Locale } from '../../i18n/locale';
import { localeFrom } from '../../i18n/locale';
import type { Logger } from '../../log';
import type { Clock } from '../../ports/clock';
import type { RecordStore } from '../../ports/record-store';
import type { CardRenderer } from '../../presentation/card-renderer';
import {
  addressLookup,
  cardActionOf,
  commandTextOf,
  conversationKindOf,
  searchQueryOf,
  teamsUserOf,
} from './activity-reader';
import { storedReference } from './proactive-identity';
import { toActivities } from './reply-activities';
import { storedTeamRoster } from './stored-team-roster';
import { teamsRoster } from './teams-roster';
import { answerBesideRemembering } from '../teams-shared/answer-beside-remembering';
import { tenantOf } from '../teams-shared/tenant-guard';

export interface BotDeps {
  readonly chat: ChatCommands;
  readonly cardActions: CardActions;
  readonly store: RecordStore;
  readonly registry: OrganisationRegistry;
  readonly catalogue: Catalogue;
  readonly cards: CardRenderer;
  readonly clock: Clock;
  readonly log: Logger;
  readonly defaultLocale: Locale;
  readonly adapter: CloudAdapter;
  readonly appId: string;
  /** Typeahead for choice sets with `Data.Query`; without it, searches answer nothing. */
  readonly choices?: ChoiceSearch;
}

/**
 * Translates Teams events into the application's use cases and back: adapters/teams/samrad-bot.ts
 * on the Agents SDK's ActivityHandler, which has the same handlers (docs/agents-sdk.md).
 */
export class SamradAgentsBot extends ActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.answer(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.installed(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await forgetInstallation(deps.store, context.activity.conversation?.id ?? '', deps.clock.now());
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === context.activity.recipient?.id);
      if (botAdded) await this.installed(context);
      await next();
    });
  }

  /** Universal Actions (`Action.Execute`): answer with the presser's own view of the card. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const { verb, data } = cardActionOf(invokeValue);
    const outcome = await answerBesideRemembering(
      () => this.remember(context),
      () => this.deps.cardActions.answer(this.pressed(context, verb, data)),
      this.deps.log,
    );
    return carryOut(context, outcome, this.deps.cards);
  }

  /** `application/search`: a choice set's typeahead (`choices.data`), answered from the organisation and the store. */
  protected override async onSearchInvoke(
    context: TurnContext,
    invokeValue: SearchInvokeValue,
  ): Promise<SearchInvokeResponse> {
    const results = this.deps.choices
      ? await this.deps.choices.search({
          ...searchQueryOf(invokeValue, 15),
          user: teamsUserOf(context),
          lookupAddress: addressLookup(context),
        })
      : [];
    return { statusCode: 200, type: 'application/vnd.microsoft.search.searchResponse', value: { results } };
  }

  private pressed(context: TurnContext, verb: string, data: Record<string, unknown>): PressedAction {
    return {
      verb,
      data,
      user: teamsUserOf(context),
      lookupAddress: addressLookup(context),
      // A card says which language it was written in; the client's setting comes second.
      locale: data.lang === 'nb' || data.lang === 'en' ? data.lang : this.locale(context),
      conversationId: context.activity.conversation?.id ?? '',
      actionId: context.activity.id ?? `${context.activity.from?.id ?? ''}:${Date.now()}`,
    };
  }

  private locale(context: TurnContext): Locale {
    return localeFrom(context.activity.locale, this.deps.defaultLocale);
  }

  private async answer(context: TurnContext): Promise<void> {
    const { chat, store, cards, adapter, appId } = this.deps;
    await this.remember(context);
    // Older clients send Action.Submit as a message carrying the card's data.
    const value = context.activity.value as Record<string, unknown> | undefined;
    if (value && typeof value.verb === 'string' && !context.activity.text) {
      const outcome = await this.deps.cardActions.answer(this.pressed(context, value.verb, value));
      await carryOut(context, outcome, cards);
      await context.sendActivities(toActivities([outcome.respond], cards));
      return;
    }
    const kind = conversationKindOf(context);
    // Found only when a command asks for it (synkroniser): no scan of stored conversations per turn.
    const roster = async () => (kind === 'personal' ? storedTeamRoster(store, adapter, appId) : teamsRoster(context));
    const { replies } = await chat.answer(
      {
        text: commandTextOf(context),
        user: teamsUserOf(context),
        lookupAddress: addressLookup(context),
        locale: this.locale(context),
        conversation: { kind, id: context.activity.conversation?.id ?? '' },
      },
      { roster },
    );
    if (replies.length > 0) await context.sendActivities(toActivities(replies, cards));
  }

  /** Installed, or added to a conversation: remember it, and greet once. */
  private async installed(context: TurnContext): Promise<void> {
    const newlyInstalled = await this.remember(context);
    if (!newlyInstalled) return;
    const t = this.deps.catalogue.for(this.locale(context));
    await context.sendActivities(toActivities([welcome(this.deps.registry.organisation, t)], this.deps.cards));
  }

  private async remember(context: TurnContext): Promise<boolean> {
    const a = context.activity;
    const kind = conversationKindOf(context);
    const teamId = (a.channelData as { team?: { id?: string } } | undefined)?.team?.id;
    const tenantId = tenantOf(context);
    const record: ConversationRecord = {
      kind,
      installed: true,
      reference: referenceToKeep(a, kind),
      updated: this.deps.clock.now().toISOString(),
      ...(tenantId && { tenantId }),
      ...(teamId && { teamId }),
      ...(kind === 'personal' && a.from?.aadObjectId && { aadObjectId: a.from.aadObjectId }),
    };
    const conversationId = a.conversation?.id ?? '';
    const root = channelRoot(conversationId);
    if (kind === 'channel' && root !== conversationId) {
      // Written in a thread: the channel itself is remembered too, so notices start threads of their own.
      const reference = record.reference as { conversation?: object };
      await rememberConversation(this.deps.store, root, {
        ...record,
        reference: { ...reference, conversation: { ...reference.conversation, id: root } },
      });
    }
    return rememberConversation(this.deps.store, conversationId, record);
  }
}

/**
 * What is kept of a conversation reference. Never the activity id (it changes with every
 * message); in a shared conversation not the user either (it is whoever spoke last), or
 * every vote in a channel would rewrite the channel's record.
 */
function referenceToKeep(activity: TurnContext['activity'], kind: ConversationRecord['kind']) {
  // Stored in the one shape both SDKs read (proactive-identity.ts).
  const reference = storedReference(activity.getConversationReference());
  return kind === 'personal' ? reference : { ...reference, user: undefined };
}
