import { coordinators } from '../domain/organisation';
import { mayUse } from '../domain/role';
import type { Catalogue } from '../i18n/catalogue';
import type { Locale } from '../i18n/locale';
import { languageOfText } from '../i18n/text-language';
import type { Command, CommandDeps, ConversationKind } from './commands/command';
import { describeRoles } from './commands/describe-roles';
import { commandPhrases } from './command-phrases';
import type { AddressLookup, TeamsUser } from './identify-actor';
import { identifyActor } from './identify-actor';
import type { Phrase } from './parse-command';
import { parseCommand } from './parse-command';
import type { Reply } from './reply';
import { text } from './reply';
import { rememberTeamsUser } from './teams-users';

/** How much of an unknown command is echoed back. */
const ECHO_MAX = 80;

export interface ChatMessage {
  readonly text: string;
  readonly user: TeamsUser;
  readonly lookupAddress: AddressLookup;
  /** From the Teams client; a command typed in the other language switches to it. */
  readonly locale: Locale;
  readonly conversation: { readonly kind: ConversationKind; readonly id: string };
}

/** The chat front door: who is asking, what they asked, whether they may, and the answer. */
export class ChatCommands {
  private readonly phrases: Phrase[];
  private readonly byId: Map<string, Command>;

  constructor(
    private readonly commands: readonly Command[],
    private readonly catalogue: Catalogue,
    private readonly services: CommandDeps,
  ) {
    this.phrases = commandPhrases(commands, catalogue);
    this.byId = new Map(commands.map((c) => [c.id, c]));
  }

  async answer(
    message: ChatMessage,
    services: Partial<CommandDeps> = {},
  ): Promise<{ locale: Locale; replies: Reply[] }> {
    const all = { ...this.services, ...services };
    const parsed = parseCommand(message.text, this.phrases);
    // Answer in the language the person typed in, where the words tell: Teams clients
    // often run in English for people who write Norwegian.
    const typedIn =
      parsed.kind === 'command' ? parsed.language : parsed.kind === 'unknown' ? parsed.suggestion?.locale : undefined;
    // Free text that is no command is answered in the language it is clearly written in.
    const locale = typedIn ?? languageOfText(message.text) ?? message.locale;
    const t = this.catalogue.for(locale);
    const org = all.registry.organisation;
    const actor = await identifyActor(
      org,
      all.store,
      message.user,
      message.lookupAddress,
      all.clock.now(),
      all.tenantDomains,
    );

    if (actor.kind === 'unregistered') {
      const coordinator = coordinators(org)[0]?.name ?? t.t('unregistered.the-coordinator');
      return {
        locale,
        replies: [
          text(
            t.t('unregistered', {
              name: message.user.name || 'none',
              coordinator,
              identity: actor.address ?? message.user.aadObjectId ?? message.user.userId,
            }),
          ),
        ],
      };
    }
    await rememberTeamsUser(all.store, actor.member.id, message.user.userId);
    if (parsed.kind === 'empty')
      return this.run('help', { actor, t, org, args: '', conversation: message.conversation }, all, locale);
    if (parsed.kind === 'unknown') {
      const suggestion = parsed.suggestion;
      const said = suggestion
        ? this.catalogue.for(suggestion.locale).t(`command.${suggestion.commandId}.name`)
        : undefined;
      // Echo only the start: 100 KB typed must not become a reply over Teams' 28 KB limit.
      const typed = [...parsed.input];
      const input = typed.length > ECHO_MAX ? `${typed.slice(0, ECHO_MAX).join('').trimEnd()} …` : parsed.input;
      return {
        locale,
        replies: [
          text(said ? t.t('unknown.suggestion', { input, suggestion: said }) : t.t('unknown.no-suggestion', { input })),
        ],
      };
    }
    const command = this.byId.get(parsed.commandId);
    if (!command) throw new Error(`No command with id ${parsed.commandId}`);
    if (!mayUse(actor.roles, command.audience)) {
      return {
        locale,
        replies: [
          text(
            t.t('not-allowed', { command: t.t(`command.${command.id}.name`), roles: describeRoles(actor.roles, t) }),
          ),
        ],
      };
    }
    return this.run(command.id, { actor, t, org, args: parsed.args, conversation: message.conversation }, all, locale);
  }

  private async run(
    id: string,
    ctx: Parameters<Command['run']>[0],
    services: CommandDeps,
    locale: Locale,
  ): Promise<{ locale: Locale; replies: Reply[] }> {
    const command = this.byId.get(id);
    if (!command) throw new Error(`No command with id ${id}`);
    return { locale, replies: await command.run(ctx, services) };
  }
}
