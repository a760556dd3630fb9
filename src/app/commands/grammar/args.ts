import { z } from 'zod';

/**
 * The kinds of argument a command can declare. Each kind knows how it is read from the
 * words typed (see parse-args.ts) and how it is named in the usage text (`grammar.arg.<kind>`).
 */
export type ArgKind =
  | 'meeting'
  | 'vote'
  | 'hearing'
  | 'body'
  | 'case'
  | 'case-ref'
  | 'duration'
  | 'when'
  | 'date'
  | 'days'
  | 'count'
  | 'text';

export interface ArgMeta {
  readonly kind: ArgKind;
  /** Catalogue key of the word(s) that introduce it ("frist|deadline"); without one it is positional. */
  readonly keyword?: string;
  /** The keyword may be left out: the argument is then read where a positional one would be ("fra tirsdag" or "tirsdag"). */
  readonly keywordOptional?: boolean;
}

/** Where the parser finds each argument's kind: the schemas themselves stay plain zod. */
export const argKinds = z.registry<ArgMeta>();

const when = z.object({
  date: z.string().optional(),
  time: z.object({ hour: z.number(), minute: z.number() }).optional(),
  endTime: z.object({ hour: z.number(), minute: z.number() }).optional(),
});
export type WhenArg = z.infer<typeof when>;

const declared = <S extends z.ZodType>(schema: S, meta: ArgMeta): S => {
  argKinds.add(schema, meta);
  return schema;
};

/**
 * The building blocks of a command's argument schema. References (meeting, vote, hearing) are
 * the words as typed: an id, a title fragment or "neste"; the command picks with `pick*`.
 */
export const arg = {
  /** A meeting by id, title fragment or "neste"; left out, the next meeting. */
  meeting: () => declared(z.string().optional(), { kind: 'meeting' }),
  vote: () => declared(z.string().optional(), { kind: 'vote' }),
  hearing: () => declared(z.string().optional(), { kind: 'hearing' }),
  body: () => declared(z.string().min(1), { kind: 'body' }),
  /** A body that may be left out: the command then lists the bodies to choose from. */
  bodyOptional: () => declared(z.string().optional(), { kind: 'body' }),
  /** A case number ("12/2026", "12/26"), one word; the value is as typed. */
  caseNumber: () => declared(z.string().min(1), { kind: 'case' }),
  /** How long: "90", "90m", "2t", "1,5h", "1:30" (minutes; a bare number up to 8 is hours), 15 min to 8 h. */
  duration: () => declared(z.number().int().min(15).max(480).optional(), { kind: 'duration' }),
  /** A case by number ("12/2026") or title words, or left out: the command offers the open cases. */
  caseOrTitle: () => declared(z.string().optional(), { kind: 'text' }),
  /**
   * A case by number or title words before other arguments (`flytt sak budsjett 2027 2`): it
   * takes as few words as let the rest fit, numbers included; left out, the command offers the open cases.
   */
  caseRef: () => declared(z.string().optional(), { kind: 'case-ref' }),
  /** A whole number from 1: a place on a list. */
  position: () => declared(z.number().int().min(1), { kind: 'count' }),
  /** A member municipality by name (several words) or number; read as a body's name is. */
  municipality: () => declared(z.string().min(1), { kind: 'body' }),
  /** A date and a time in Oslo as people write them (oslo-when.ts). */
  when: (keyword?: string) => declared(when, { kind: 'when', ...(keyword && { keyword }) }),
  /** A date that may be left out, a time ignored ("fra tirsdag", "1.12."). */
  dateOptional: (keyword?: string) =>
    declared(when.refine((w) => w.date !== undefined).optional(), {
      kind: 'when',
      ...(keyword && { keyword, keywordOptional: true }),
    }),
  /** A date, with or without a time ("15.12", "fredag kl. 14"): a deadline. */
  date: () =>
    declared(
      when.refine((w) => w.date !== undefined),
      { kind: 'when' },
    ),
  /** A time of day, the date optional ("kl. 10" moves within the same day). */
  time: () =>
    declared(
      when.refine((w) => w.time !== undefined),
      { kind: 'when' },
    ),
  whenOptional: (keyword?: string) => declared(when.optional(), { kind: 'when', ...(keyword && { keyword }) }),
  /** A list of whole days ("5,2" or "5 2"). */
  days: (keyword?: string) =>
    declared(z.array(z.number().int().positive()).min(1).optional(), { kind: 'days', ...(keyword && { keyword }) }),
  /** A whole number of days or items, zero allowed. */
  count: (keyword?: string) =>
    declared(z.number().int().min(0).optional(), { kind: 'count', ...(keyword && { keyword }) }),
  /** A four-digit year ("2027"), read as a number: "neste" is refused as a year, not as a count. */
  year: () => declared(z.number().int().min(1000).max(9999).optional(), { kind: 'count' }),
  /** A four-digit year that must be given ("nytt tiltak 2027 …"). */
  yearNamed: () => declared(z.number().int().min(1000).max(9999), { kind: 'count' }),
  /** Free text to the end: a reason, a title. */
  text: () => declared(z.string().optional(), { kind: 'text' }),
};

/*
 * zod methods (`.refine`, `.optional`) return new schemas without the registration: declare
 * a refinement as a new `arg` here, never on the result.
 */

/** A command's arguments: an object of `arg.*` fields, in the order they are typed. */
export type ArgsSchema = z.ZodObject<Record<string, z.ZodType>>;

export function argsOf(schema: ArgsSchema): { name: string; meta: ArgMeta; required: boolean }[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const meta = argKinds.get(field);
    if (!meta) throw new Error(`argument ${name} is not declared with arg.*`);
    return { name, meta, required: !field.safeParse(undefined).success };
  });
}
