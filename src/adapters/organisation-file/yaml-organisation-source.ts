import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { Organisation } from '../../domain/organisation';
import type { Project } from '../../domain/project';
import { checkOrganisation } from '../../domain/organisation-rules';
import type { OrganisationSource, SourceProblem } from '../../ports/organisation-source';
import { ok } from '../../domain/result';
import type { Result } from '../../domain/result';
import { organisationFileSchema } from './organisation-schema';
import type { OrganisationFile } from './organisation-schema';

type LoadResult = Result<Organisation, { code: 'ORGANISATION.INVALID'; problems: SourceProblem[] }>;

/** Reads the organisation from a YAML file; every problem names its field and line. */
export class YamlOrganisationSource implements OrganisationSource {
  constructor(readonly location: string) {}

  async load(): Promise<LoadResult> {
    let text: string;
    try {
      text = await readFile(this.location, 'utf8');
    } catch (e) {
      return invalid([
        { code: 'ORGANISATION.UNREADABLE', field: this.location, params: { reason: (e as Error).message } },
      ]);
    }
    return parseOrganisation(text);
  }
}

export function parseOrganisation(text: string): LoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    return invalid(
      doc.errors.map((e) => ({
        code: 'ORGANISATION.YAML',
        field: '',
        line: lineCounter.linePos(e.pos[0]).line,
        params: { reason: e.message.split('\n')[0] ?? e.code },
      })),
    );
  }
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    // Walk up until a node exists: a missing key is reported on its parent.
    for (let p = [...path]; p.length >= 0; p.pop()) {
      const node = p.length === 0 ? doc.contents : doc.getIn(p, true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
      if (p.length === 0) return undefined;
    }
    return undefined;
  };
  const parsed = organisationFileSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return invalid(
      parsed.error.issues.map((issue) => {
        const code = issue.message.startsWith('ORGANISATION.') ? issue.message : 'ORGANISATION.FIELD';
        return {
          code,
          field: fieldName(issue.path),
          line: lineOf(issue.path),
          params: { reason: issue.message },
        };
      }),
    );
  }
  const org = toOrganisation(parsed.data);
  const problems = checkOrganisation(org).map((p) => ({
    code: p.code,
    field: fieldName(p.path),
    line: lineOf(fileOrder(p.path)),
    params: p.params,
  }));
  return problems.length > 0 ? invalid(problems) : ok(org);
}

const invalid = (problems: SourceProblem[]): LoadResult => ({
  ok: false,
  error: { code: 'ORGANISATION.INVALID', problems },
});

function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)),
    '',
  );
}

/** A project as the file has it: its history up to the day Samråd took over, the board's cases as numbers. */
function projectOf({ started, funding, milestones, ...p }: NonNullable<OrganisationFile['projects']>[number]): Project {
  const at = `${started}T12:00:00.000Z`;
  return {
    ...p,
    startedAt: at,
    startedBy: 'organisation',
    funding: funding.map(({ boardCase, ...f }) => ({
      ...f,
      recordedAt: at,
      ...(boardCase && {
        boardCase: { number: Number(boardCase.split('/')[0]), year: Number(boardCase.split('/')[1]) },
      }),
    })),
    milestones: milestones.map(({ reached, ...m }) => ({ ...m, ...(reached && { reached }) })),
    reports: [],
  };
}

/** The domain's paths use `municipality` for both forms; in the file it is a key of its own. */
const fileOrder = (path: readonly (string | number)[]): (string | number)[] => [...path];

function toOrganisation(file: OrganisationFile): Organisation {
  const { fees, populations, boardRules, networks, projects } = file;
  return {
    ...(boardRules && { boardRules }),
    ...(networks && { networks }),
    ...(projects && { projects: projects.map(projectOf) }),
    ...(fees && {
      fees: {
        due: fees.due,
        rates: fees.rates.map((r) => ({ fromYear: r.from, orePerInhabitant: Math.round(r.perInhabitant * 100) })),
      },
    }),
    ...(populations && {
      populations: populations.map((p) => ({
        ...p,
        // YAML reads 0301 as a number; municipality numbers keep their leading zero.
        counts: Object.fromEntries(Object.entries(p.counts).map(([n, c]) => [n.padStart(4, '0'), c])),
      })),
    }),
    cooperation: file.cooperation,
    areas: file.areas,
    municipalities: file.municipalities,
    bodies: file.bodies.map(({ preMeeting, ...body }) =>
      preMeeting ? { ...body, preMeeting: { offset: preMeeting.before, durationMinutes: preMeeting.minutes } } : body,
    ),
    members: file.members.map((m) => ({
      ...m,
      memberships: m.memberships.map(({ municipality, party, ...seat }) => ({
        ...seat,
        represents: municipality !== undefined ? { municipality } : { party: party ?? '' },
      })),
    })),
  };
}
