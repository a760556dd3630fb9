import type { z } from 'zod';
import type { Audience } from '../../../domain/role';
import type { BadInputCode } from './usage';
import { text } from '../../reply';
import type { Reply } from '../../reply';
import type { Command, CommandContext, CommandDeps } from '../command';
import type { ArgsSchema } from './args';
import { parseArgs } from './parse-args';
import { refusalText } from './usage';

export interface DeclaredCommandContext<S extends ArgsSchema> extends CommandContext {
  /** The arguments, read and checked against the schema. */
  readonly input: z.infer<S>;
  /** Each argument's words as typed, to echo or to re-type on a choice button. */
  readonly typed: Readonly<Record<string, string>>;
}

export interface CommandDeclaration<S extends ArgsSchema> {
  readonly id: string;
  readonly audience: readonly Audience[];
  readonly inMenu?: false;
  readonly args: S;
  /**
   * Per argument, the catalogue's refusal (its one parameter `text`) for words that do not read as
   * that argument, in place of the general "did not understand … as …"; what was understood and the usage follow.
   */
  readonly badInput?: Partial<Record<keyof z.infer<S> & string, BadInputCode>>;
  run(ctx: DeclaredCommandContext<S>, services: CommandDeps): Promise<Reply[]>;
}

/**
 * A command whose arguments are one zod schema: parsed before `run`, refused with what was
 * understood and the usage, and described in help from the same schema. See docs/commands.md.
 */
export function declareCommand<S extends ArgsSchema>(declaration: CommandDeclaration<S>): Command {
  return {
    id: declaration.id,
    audience: declaration.audience,
    takesArgument: Object.keys(declaration.args.shape).length > 0,
    ...(declaration.inMenu === false && { inMenu: false as const }),
    args: declaration.args,
    async run(ctx, services) {
      const parsed = parseArgs(declaration.args, ctx.args, services.clock.now(), ctx.t);
      if (!parsed.ok) return [text(refusalText(ctx.t, declaration.id, declaration.args, parsed, declaration.badInput))];
      return declaration.run({ ...ctx, input: parsed.value, typed: parsed.typed }, services);
    },
  };
}
