import type { Translator } from '../../i18n/catalogue';
import type { Organisation } from '../../domain/organisation';
import { bodyName, municipalityName } from '../../domain/organisation';
import type { CellLink } from '../../ports/result-lists';

/** What a mapping needs besides the record: names from the organisation, texts in the site's language. */
export interface RowContext {
  readonly organisation: Organisation;
  readonly t: Translator;
}

export const bodyOf = (c: RowContext, bodyId: string): string => bodyName(c.organisation, bodyId);
export const municipalityOf = (c: RowContext, number: string): string => municipalityName(c.organisation, number);
export const personOf = (c: RowContext, memberId: string | undefined): string | null =>
  memberId === undefined ? null : (c.organisation.members.find((m) => m.id === memberId)?.name ?? memberId);

/** A web address as a link cell; anything else (a path, a bare word) is no link. */
export const linkTo = (url: string | undefined, text?: string): CellLink | null =>
  url !== undefined && /^https:\/\/\S+$/i.test(url) ? { url, text: text?.trim() || url } : null;

/** Several addresses as lines of text: a hyperlink column holds one. */
export const lines = (texts: readonly string[]): string | null => (texts.length ? texts.join('\n') : null);
