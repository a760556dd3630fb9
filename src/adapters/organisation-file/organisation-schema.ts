import { z } from 'zod';

/** The shape of `config/organisation.yaml`. Cross-references are checked by the domain's rules. */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ORGANISATION.BAD_DATE');
// YAML reads 0301 as a number; municipality numbers keep their leading zero.
const municipalityNumber = z.union([z.string(), z.number().int()]).transform((v) => String(v).padStart(4, '0'));
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ORGANISATION.BAD_ID');

const membership = z
  .object({
    body: z.string().min(1),
    role: z.enum(['chair', 'member', 'deputy', 'observer']),
    municipality: municipalityNumber.optional(),
    party: z.string().min(1).optional(),
    from: isoDate,
    to: isoDate.optional(),
    deputyFor: z.string().optional(),
  })
  .strict()
  .refine((m) => (m.municipality === undefined) !== (m.party === undefined), {
    error: 'ORGANISATION.MUNICIPALITY_OR_PARTY',
    path: ['municipality'],
  });

// Kroner with at most two decimals (kr 3.50); kept as øre from here on.
const kroner = z
  .number()
  .nonnegative()
  .refine((v) => Number.isInteger(Math.round(v * 100 * 1e6) / 1e6), 'ORGANISATION.BAD_AMOUNT');

const fees = z
  .object({
    due: z
      .object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) })
      .strict()
      .default({ month: 1, day: 15 }),
    rates: z.array(z.object({ from: z.number().int().min(1900).max(2200), perInhabitant: kroner }).strict()).min(1),
  })
  .strict();

const populations = z.array(
  z
    .object({
      year: z.number().int().min(1900).max(2200),
      source: z.string().min(1),
      sample: z.boolean().default(false),
      counts: z.record(z.string(), z.number().int().nonnegative()),
    })
    .strict(),
);

const boardRules = z
  .object({
    seats: z.number().int().positive().default(7),
    smallAtLeast: z.number().int().nonnegative().default(2),
    termYears: z.number().int().positive().default(2),
    meetingsPerYear: z.number().int().nonnegative().default(4),
    regions: z
      .array(z.object({ name: z.string().min(1), municipalities: z.array(municipalityNumber).min(1) }).strict())
      .default([]),
  })
  .strict();

const caseNumber = z.string().regex(/^\d{1,4}\/\d{4}$/, 'ORGANISATION.BAD_CASE_NUMBER');

const networks = z.array(
  z
    .object({
      id,
      name: z.string().min(1),
      aliases: z.array(z.string()).default([]),
      about: z.string().default(''),
      sample: z.boolean().default(false),
      suppliers: z.array(z.string().min(1)).default([]),
      members: z
        .array(
          z
            .object({
              name: z.string().min(1),
              municipality: municipalityNumber,
              role: z.enum(['service-lead', 'lawyer', 'other']),
              email: z.email('ORGANISATION.BAD_EMAIL').optional(),
            })
            .strict(),
        )
        .default([]),
    })
    .strict(),
);

const projects = z.array(
  z
    .object({
      id,
      name: z.string().min(1),
      purpose: z.string().default(''),
      leader: z.string().min(1),
      started: isoDate,
      sample: z.boolean().default(false),
      funding: z
        .array(
          z
            .object({
              kind: z.enum(['own', 'external']),
              amount: z.number().int().positive(),
              source: z.string().default(''),
              status: z.enum(['own', 'applied', 'granted', 'refused']),
              boardCase: caseNumber.optional(),
            })
            .strict()
            .refine((f) => (f.kind === 'own') === (f.status === 'own'), 'ORGANISATION.BAD_FUNDING')
            .refine((f) => f.kind === 'own' || f.boardCase !== undefined, 'ORGANISATION.FUNDING_WITHOUT_BOARD'),
        )
        .default([]),
      milestones: z
        .array(z.object({ title: z.string().min(1), due: isoDate, reached: isoDate.optional() }).strict())
        .default([]),
    })
    .strict(),
);

export const organisationFileSchema = z
  .object({
    cooperation: z.object({ name: z.string().min(1), hospitalTrust: z.string().min(1) }).strict(),
    areas: z.array(z.object({ id, name: z.string().min(1), lsu: z.string().optional() }).strict()),
    municipalities: z
      .array(
        z
          .object({
            number: municipalityNumber,
            name: z.string().min(1),
            areas: z.array(z.string()).default([]),
            population: z.number().int().nonnegative(),
            small: z.boolean(),
          })
          .strict(),
      )
      .min(1),
    bodies: z.array(
      z
        .object({
          id,
          name: z.string().min(1),
          kind: z.enum(['board', 'osu', 'lsu', 'mayors-meeting', 'dialogue-meeting', 'other']),
          aliases: z.array(z.string()).default([]),
          area: z.string().optional(),
          // `preMeeting: { before: { hours: 2 } }` (Agder) or `{ before: { days: 14 }, minutes: 90 }` (Stavanger).
          preMeeting: z
            .object({
              before: z
                .object({
                  days: z.number().int().nonnegative().optional(),
                  hours: z.number().int().nonnegative().optional(),
                })
                .strict()
                .refine((b) => (b.days ?? 0) + (b.hours ?? 0) > 0, 'ORGANISATION.BAD_PRE_MEETING'),
              minutes: z.number().int().positive().default(60),
            })
            .strict()
            .optional(),
        })
        .strict(),
    ),
    members: z.array(
      z
        .object({
          id,
          name: z.string().min(1),
          email: z.email('ORGANISATION.BAD_EMAIL'),
          aadObjectId: z.uuid('ORGANISATION.BAD_OBJECT_ID').optional(),
          title: z.string().optional(),
          coordinator: z.boolean().default(false),
          memberships: z.array(membership).default([]),
          respondentFor: z
            .array(z.object({ municipality: municipalityNumber, role: z.enum(['respondent', 'deputy']) }).strict())
            .default([]),
        })
        .strict(),
    ),
    fees: fees.optional(),
    populations: populations.optional(),
    boardRules: boardRules.optional(),
    networks: networks.optional(),
    projects: projects.optional(),
  })
  .strict();

export type OrganisationFile = z.output<typeof organisationFileSchema>;
