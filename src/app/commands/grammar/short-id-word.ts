/** Ids are five of A–Z and 2–9 (short-id.ts); a quarter have no digit, so five capitals count too. */
export const looksLikeShortId = (w: string): boolean =>
  /^[A-Za-z0-9]{5}$/.test(w) && (/\d/.test(w) || /^[A-Z]{5}$/.test(w));
