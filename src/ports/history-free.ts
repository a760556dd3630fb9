import type { ListName } from './record-store';

/**
 * Lists whose earlier versions no store may keep: only the current value of each record may
 * survive anywhere durable (a journal, a WAL, freed pages, a list's version history).
 *
 * The ballot boxes are here because two versions of a secret box, one ballot apart, differ by
 * one name and one count, and so give away that person's choice (docs/voting-rules.md). Named
 * boxes keep their own history inside the value, so they lose nothing by it.
 */
export const HISTORY_FREE_LISTS: ReadonlySet<ListName> = new Set<ListName>(['ballotBoxes']);
