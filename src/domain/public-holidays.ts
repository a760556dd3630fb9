/** Easter Sunday (Gregorian; the anonymous algorithm) as [month 1-12, day]. */
function easter(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return [month, ((h + l - 7 * m + 114) % 31) + 1];
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Norway's public holidays (helligdager, lov om helligdager og helligdagsfred, plus 1 and 17
 * May) as YYYY-MM-DD: New Year's Day, Maundy Thursday, Good Friday, Easter Sunday and Monday,
 * 1 May, 17 May, Ascension Day, Whit Sunday and Monday, Christmas Day and Boxing Day.
 */
export function norwegianPublicHolidays(year: number): ReadonlySet<string> {
  const [month, day] = easter(year);
  const sunday = Date.UTC(year, month - 1, day);
  const fromEaster = [-3, -2, 0, 1, 39, 49, 50].map((d) => iso(sunday + d * 86_400_000));
  return new Set([`${year}-01-01`, `${year}-05-01`, `${year}-05-17`, `${year}-12-25`, `${year}-12-26`, ...fromEaster]);
}
