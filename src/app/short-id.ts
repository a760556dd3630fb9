/** Short ids people can type (`stemmer K7P3Q`, `saksliste M4TQ2`). No 0/O or 1/I to misread. */
export function shortId(random: () => number = Math.random, length = 5): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
}
