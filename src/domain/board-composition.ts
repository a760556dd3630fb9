import type { Organisation } from './organisation';
import { boardOf } from './organisation';
import { holdsSeatOn, representedMunicipality } from './member';

import type { BoardRules } from './board-rules';

export const AGREEMENT_BOARD_RULES: BoardRules = {
  seats: 7,
  smallAtLeast: 2,
  termYears: 2,
  meetingsPerYear: 4,
  regions: [],
};

/** Terms ending this close prompt the coordinator to have the successor chosen. */
export const TERM_ENDING_DAYS = 60;

export interface BoardWarning {
  readonly code: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export const boardRules = (org: Organisation): BoardRules => org.boardRules ?? AGREEMENT_BOARD_RULES;

const addDays = (iso: string, days: number): string => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const addYears = (iso: string, years: number): string => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

/** The board's voting seats (chair and members) in force on the date, with whom each represents. */
function boardSeats(org: Organisation, onDate: string) {
  const board = boardOf(org);
  if (!board) return [];
  return org.members.flatMap((member) =>
    member.memberships
      .filter((m) => m.body === board.id && (m.role === 'chair' || m.role === 'member') && holdsSeatOn(m, onDate))
      .map((seat) => ({ member, seat, municipality: representedMunicipality(seat) })),
  );
}

/** What the organisation file says that the agreement's board rules do not allow, on the date. */
export function boardWarnings(org: Organisation, onDate: string): BoardWarning[] {
  const rules = boardRules(org);
  const board = boardOf(org);
  if (!board) return [{ code: 'BOARD.NONE', params: {} }];
  const seats = boardSeats(org, onDate);
  const warnings: BoardWarning[] = [];
  if (seats.length !== rules.seats)
    warnings.push({ code: 'BOARD.SEATS', params: { count: seats.length, wanted: rules.seats } });
  const small = new Set(org.municipalities.filter((m) => m.small).map((m) => m.number));
  const fromSmall = seats.filter((s) => s.municipality !== undefined && small.has(s.municipality)).length;
  if (fromSmall < rules.smallAtLeast)
    warnings.push({ code: 'BOARD.SMALL', params: { count: fromSmall, wanted: rules.smallAtLeast } });
  for (const region of rules.regions) {
    const n = seats.filter(
      (s) => s.municipality !== undefined && region.municipalities.includes(s.municipality),
    ).length;
    if (n === 0) warnings.push({ code: 'BOARD.REGION_MISSING', params: { region: region.name } });
    if (n > 1) warnings.push({ code: 'BOARD.REGION_TWICE', params: { region: region.name, count: n } });
  }
  for (const { member, seat } of seats) {
    if (seat.to === undefined) warnings.push({ code: 'BOARD.TERM_OPEN', params: { name: member.name } });
    // A two-year term runs from its first day to the day before the same date two years on.
    else if (seat.to >= addYears(seat.from, rules.termYears))
      warnings.push({ code: 'BOARD.TERM_LONG', params: { name: member.name, years: rules.termYears } });
  }
  return warnings;
}

/** Board seats whose term ends within 60 days of the date: the coordinator should have successors chosen. */
export function termsEnding(
  org: Organisation,
  onDate: string,
  days = TERM_ENDING_DAYS,
): { memberId: string; name: string; to: string }[] {
  const until = addDays(onDate, days);
  return boardSeats(org, onDate)
    .filter(({ seat }) => seat.to !== undefined && seat.to >= onDate && seat.to <= until)
    .map(({ member, seat }) => ({ memberId: member.id, name: member.name, to: seat.to! }));
}

/** Whether the year's board meetings (planned or held, not cancelled) fall short of the minimum. */
export function tooFewBoardMeetings(
  org: Organisation,
  meetingsInYear: number,
): { count: number; wanted: number } | undefined {
  const wanted = boardRules(org).meetingsPerYear;
  return meetingsInYear < wanted ? { count: meetingsInYear, wanted } : undefined;
}
