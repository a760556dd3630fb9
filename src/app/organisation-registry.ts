import type { Organisation } from '../domain/organisation';
import type { OrganisationSource, SourceProblem } from '../ports/organisation-source';

/**
 * Holds the organisation in force. A reload that fails keeps the old one: a typo in
 * the file must never leave the secretariat without its members.
 */
export class OrganisationRegistry {
  private current: Organisation;

  private constructor(
    private readonly source: OrganisationSource,
    initial: Organisation,
  ) {
    this.current = initial;
  }

  static async open(source: OrganisationSource): Promise<OrganisationRegistry> {
    const loaded = await source.load();
    if (!loaded.ok) throw new OrganisationFileError(source.location, loaded.error.problems);
    return new OrganisationRegistry(source, loaded.value);
  }

  get organisation(): Organisation {
    return this.current;
  }

  get location(): string {
    return this.source.location;
  }

  async reload(): Promise<{ ok: true; organisation: Organisation } | { ok: false; problems: SourceProblem[] }> {
    const loaded = await this.source.load();
    if (!loaded.ok) return { ok: false, problems: loaded.error.problems };
    this.current = loaded.value;
    return { ok: true, organisation: loaded.value };
  }
}

/** Thrown only at start, where there is no old organisation to fall back on. */
export class OrganisationFileError extends Error {
  constructor(
    readonly location: string,
    readonly problems: SourceProblem[],
  ) {
    super(
      `The organisation file ${location} is not valid:\n` +
        problems
          .map(
            (p) => `  ${p.line ? `line ${p.line}: ` : ''}${p.field || '(file)'}: ${p.code} ${JSON.stringify(p.params)}`,
          )
          .join('\n'),
    );
    this.name = 'OrganisationFileError';
  }
}
