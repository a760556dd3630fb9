/*
 * One reader for the dates and times people type, in Norwegian and English, read as a clock
 * in Oslo shows them. Every command and form that takes a date or a time uses it, so they
 * agree on what "kl. 9", "15.12" or "neste tirsdag" means.
 *
 * - A weekday ("tirsdag", "Tuesday") is the first such day after today; "neste tirsdag" /
 *   "next Tuesday" is that day in next week (weeks start on Monday, as in Norway).
 * - A date without a year ("15.12") is its next occurrence, today included.
 * - A bare number is a time only after "kl." or with am/pm: "9" alone may be anything.
 */
import { osloDate, osloInstant } from './oslo-time';

export interface ClockTime {
  readonly hour: number;
  readonly minute: number;
}

/** What was read: an Oslo date (YYYY-MM-DD) and, when typed, a time and an end time. */
export interface OsloWhen {
  readonly date?: string;
  readonly time?: ClockTime;
  readonly endTime?: ClockTime;
}

const pad = (n: number) => String(n).padStart(2, '0');
const fold = (w: string) => w.toLowerCase().normalize('NFC');

export const isoDate = (year: number, month: number, day: number): string | undefined => {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
    ? `${year}-${pad(month)}-${pad(day)}`
    : undefined;
};

const addDays = (date: string, days: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
};

/** 0 = Monday … 6 = Sunday. */
const weekdayOf = (date: string): number => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

const WEEKDAYS: Record<string, number> = {
  mandag: 0,
  tirsdag: 1,
  onsdag: 2,
  torsdag: 3,
  fredag: 4,
  lørdag: 5,
  lordag: 5,
  søndag: 6,
  sondag: 6,
  monday: 0,
  tuesday: 1,
  wednesday: 2,
  thursday: 3,
  friday: 4,
  saturday: 5,
  sunday: 6,
  man: 0,
  tir: 1,
  ons: 2,
  tor: 3,
  fre: 4,
  lør: 5,
  søn: 6,
  mon: 0,
  tue: 1,
  wed: 2,
  thu: 3,
  fri: 4,
  sat: 5,
  sun: 6,
};
const RELATIVE: Record<string, number> = {
  'i dag': 0,
  idag: 0,
  today: 0,
  'i morgen': 1,
  imorgen: 1,
  tomorrow: 1,
  overimorgen: 2,
  'i overmorgen': 2,
};
const NEXT = new Set(['neste', 'next', 'kommende']);
const CLOCK_WORDS = new Set(['kl', 'kl.', 'klokka', 'klokken', 'at']);

/** "9:00", "09.00", "9", "9.30" after "kl."; "9am", "9:30 pm"; undefined if no time of day. */
export function readClockTime(text: string, afterKl = false): ClockTime | undefined {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?$/i.exec(text.trim());
  if (!m) return undefined;
  const [hourText, minuteText, half] = [m[1]!, m[2], m[3]?.toLowerCase().replace(/\./g, '')];
  if (!minuteText && !half && !afterKl) return undefined;
  let hour = Number(hourText);
  const minute = minuteText ? Number(minuteText) : 0;
  if (half) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  return hour <= 23 && minute <= 59 ? { hour, minute } : undefined;
}

/** "15.12.2026", "15.12.26", "15.12", "15.12.", "2026-12-15", "15/12/2026": an Oslo date. */
export function readNumericDate(word: string, today: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(word);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const nb = /^(\d{1,2})[./](\d{1,2})(?:[./](\d{4}|\d{2})?)?$/.exec(word);
  if (!nb) return undefined;
  const [day, month] = [Number(nb[1]), Number(nb[2])];
  if (nb[3]) return isoDate(nb[3].length === 2 ? 2000 + Number(nb[3]) : Number(nb[3]), month, day);
  // Without a year: the next one, so "15.12" typed in December 2026 after the 15th is 2027.
  const year = Number(today.slice(0, 4));
  const thisYear = isoDate(year, month, day);
  if (thisYear && thisYear >= today) return thisYear;
  for (let y = year + 1; y <= year + 8; y++) {
    const later = isoDate(y, month, day);
    if (later) return later;
  }
  return undefined;
}

interface Step<T> {
  readonly value: T;
  readonly used: number;
}

/** A date at the start of `words`: how many words it took. */
function dateAt(words: readonly string[], today: string): Step<string> | undefined {
  const [a = '', b = '', c = ''] = words.map(fold);
  const two = `${a} ${b}`;
  if (two in RELATIVE) return { value: addDays(today, RELATIVE[two]!), used: 2 };
  if (a in RELATIVE) return { value: addDays(today, RELATIVE[a]!), used: 1 };
  const lead = a === 'på' || a === 'on' ? 1 : 0; // "på tirsdag", "on Tuesday"
  const [w1, w2] = lead ? [b, c] : [a, b];
  if (NEXT.has(w1) && w2.replace(/\.$/, '') in WEEKDAYS) {
    const monday = addDays(today, 7 - weekdayOf(today));
    return { value: addDays(monday, WEEKDAYS[w2.replace(/\.$/, '')]!), used: lead + 2 };
  }
  const day = w1.replace(/\.$/, '');
  if (day in WEEKDAYS) {
    const ahead = (WEEKDAYS[day]! - weekdayOf(today) + 7) % 7 || 7;
    return { value: addDays(today, ahead), used: lead + 1 };
  }
  if (lead) return undefined;
  const numeric = readNumericDate(a, today);
  return numeric ? { value: numeric, used: 1 } : undefined;
}

/** A time (or a span "10.00–12.00", "10:00 - 12:00") at the start of `words`. */
function timeAt(words: readonly string[]): Step<{ time: ClockTime; end?: ClockTime }> | undefined {
  const folded = words.map(fold);
  let i = 0;
  let afterKl = false;
  if (CLOCK_WORDS.has(folded[0] ?? '')) [i, afterKl] = [1, true];
  else if (/^kl\.?\d/.test(folded[0] ?? '')) {
    // "kl.9" written together
    const time = readClockTime(folded[0]!.replace(/^kl\.?/, ''), true);
    return time ? spanFrom(folded, 1, time) : undefined;
  }
  // "9 am" as two words
  const withHalf = /^(am|pm|a\.m\.|p\.m\.)$/.test(folded[i + 1] ?? '') ? `${folded[i]} ${folded[i + 1]}` : undefined;
  if (withHalf) {
    const time = readClockTime(withHalf, afterKl);
    return time ? spanFrom(folded, i + 2, time) : undefined;
  }
  const word = folded[i] ?? '';
  const joined = /^(.+?)\s*[-–]\s*(.+)$/.exec(word); // "10.00-12.00" in one word
  if (joined) {
    const [start, end] = [readClockTime(joined[1]!, afterKl), readClockTime(joined[2]!.replace(/^kl\.?\s*/, ''), true)];
    return start && end ? { value: { time: start, end }, used: i + 1 } : undefined;
  }
  const time = readClockTime(word, afterKl);
  return time ? spanFrom(folded, i + 1, time) : undefined;
}

function spanFrom(folded: readonly string[], at: number, time: ClockTime): Step<{ time: ClockTime; end?: ClockTime }> {
  const dash = folded[at] ?? '';
  let rest = at;
  let endWord: string | undefined;
  if (/^[-–]$|^til$|^to$|^until$/.test(dash)) [endWord, rest] = [folded[at + 1], at + 2];
  else if (/^[-–]./.test(dash)) [endWord, rest] = [dash.slice(1), at + 1];
  if (endWord !== undefined && CLOCK_WORDS.has(endWord)) [endWord, rest] = [folded[rest], rest + 1];
  const end = endWord === undefined ? undefined : readClockTime(endWord.replace(/^kl\.?/, ''), true);
  return end ? { value: { time, end }, used: rest } : { value: { time }, used: at };
}

/**
 * The longest date and/or time at the start of `words` ("2026-12-15 9:00", "i morgen kl. 9",
 * "tirsdag 10-12", "9am tomorrow"), with how many words it took; undefined if none.
 */
export function readWhenAt(words: readonly string[], now: Date): Step<OsloWhen> | undefined {
  const today = osloDate(now);
  const date = dateAt(words, today);
  if (date) {
    const after = words.slice(date.used);
    const time = timeAt(after);
    return time
      ? {
          value: { date: date.value, time: time.value.time, ...(time.value.end && { endTime: time.value.end }) },
          used: date.used + time.used,
        }
      : { value: { date: date.value }, used: date.used };
  }
  const time = timeAt(words);
  if (!time) return undefined;
  const later = dateAt(words.slice(time.used), today);
  const span = { time: time.value.time, ...(time.value.end && { endTime: time.value.end }) };
  return later
    ? { value: { date: later.value, ...span }, used: time.used + later.used }
    : { value: span, used: time.used };
}

/** The whole text as a date and/or time; undefined if any of it is something else. */
export function readWhen(text: string, now: Date): OsloWhen | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const read = readWhenAt(words, now);
  return read?.used === words.length ? read.value : undefined;
}

/** The instant of an Oslo date at a clock time, daylight saving included. */
export function osloInstantAt(date: string, time: ClockTime): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return osloInstant({ year, month, day, hour: time.hour, minute: time.minute, second: 0 });
}

/** "HH:MM", as forms and usage texts write a time. */
export const clockText = (t: ClockTime): string => `${pad(t.hour)}:${pad(t.minute)}`;

/**
 * The instant of an Oslo wall-clock time as a form sends it ("2026-12-01", "14:30"), daylight
 * saving included, read by the one date reader (so "1.12.2026" and "9.00" work too). A date
 * must carry its year: a form has no "today" to count from. Undefined for what is not one.
 */
export function readFormInstant(date: string, time: string): Date | undefined {
  const day = /\d{4}/.test(date) ? readNumericDate(date.trim(), '1970-01-01') : undefined;
  const clock = readClockTime(time.trim().replace(/^(\d{1,2}:\d{2}):\d{2}$/, '$1'));
  return day && clock ? new Date(osloInstantAt(day, clock)) : undefined;
}
