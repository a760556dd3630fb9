/**
 * Answers are versioned, never overwritten (innspill, høringssvar): each save adds the next
 * version. These pick out the one that shows and the one that counts.
 */
export interface Versioned {
  readonly version: number;
  readonly status: 'draft' | 'submitted';
}

/** The highest version among those that match: draft or submitted, what a card shows. */
export function newestVersion<T extends Versioned>(items: readonly T[], match: (item: T) => boolean): T | undefined {
  let newest: T | undefined;
  for (const item of items) if (match(item) && (!newest || item.version > newest.version)) newest = item;
  return newest;
}

/** The newest submitted version: what counts. A later draft does not unsay it. */
export const newestSubmitted = <T extends Versioned>(items: readonly T[], match: (item: T) => boolean): T | undefined =>
  newestVersion(items, (item) => item.status === 'submitted' && match(item));
