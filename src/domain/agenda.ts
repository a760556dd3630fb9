import type { AgendaItem, AgendaItemDraft } from './agenda-item';
import { caseItem, draftProblem, isMinutesApproval } from './agenda-item';
import type { CaseNumber } from './case-number';
import { caseNumberTaken, formatCaseNumber, nextCaseNumber } from './case-number';
import type { Meeting } from './meeting';
import type { Result } from './result';
import { fail, ok } from './result';

/*
 * The saksliste of a meeting. Every change returns the meeting with its version raised, so
 * cards drawn from the old agenda are known to be stale.
 */

/** Only a planned meeting's agenda changes: a held meeting's is history, a cancelled one's moot. */
function agendaOpen(m: Meeting): Result<Meeting> {
  if (m.state !== 'planned') return fail('AGENDA.MEETING_CLOSED', { state: m.state });
  return ok(m);
}

/** An item that may still change: on the agenda, not decided, not withdrawn. */
function editableItem(m: Meeting, itemId: string): Result<AgendaItem> {
  const item = m.agenda.find((i) => i.id === itemId);
  if (!item) return fail('AGENDA.UNKNOWN_ITEM', { itemId });
  if (item.status === 'decided') return fail('AGENDA.ITEM_DECIDED', { caseNumber: formatCaseNumber(item.caseNumber) });
  if (item.status === 'withdrawn')
    return fail('AGENDA.ITEM_WITHDRAWN', { caseNumber: formatCaseNumber(item.caseNumber) });
  return ok(item);
}

const withAgenda = (m: Meeting, agenda: readonly AgendaItem[]): Meeting => ({ ...m, agenda, version: m.version + 1 });

/**
 * Adds a case at the end of the agenda with the next free number, or with the number the
 * coordinator gives (a case carried over keeps its number only if the body has not used it).
 * `meetings` are all the body's meetings, so numbers are checked across the whole year.
 */
export function addItem(
  m: Meeting,
  meetings: readonly Meeting[],
  item: { id: string; draft: AgendaItemDraft; caseNumber?: CaseNumber },
): Result<Meeting> {
  const open = agendaOpen(m);
  if (!open.ok) return open;
  const problem = draftProblem(item.draft);
  if (problem) return { ok: false, error: problem };
  if (m.agenda.some((i) => i.id === item.id)) return fail('AGENDA.DUPLICATE_ITEM', { itemId: item.id });
  // The meeting itself may be newer than its stored copy in `meetings`: count both.
  const all = [m, ...meetings.filter((o) => o.id !== m.id)];
  const number = item.caseNumber ?? nextCaseNumber(all, m.bodyId, m.year);
  if (number.year !== m.year) return fail('AGENDA.CASE_YEAR_MISMATCH', { year: m.year });
  if (!Number.isInteger(number.number) || number.number < 1) return fail('AGENDA.BAD_CASE_NUMBER');
  if (caseNumberTaken(all, m.bodyId, number))
    return fail('AGENDA.DUPLICATE_CASE_NUMBER', { caseNumber: formatCaseNumber(number) });
  return ok(withAgenda(m, [...m.agenda, caseItem(item.id, number, item.draft)]));
}

/** Changes what a case says; its number, kind and status stay. */
export function editItem(m: Meeting, itemId: string, patch: Partial<AgendaItemDraft>): Result<Meeting> {
  const open = agendaOpen(m);
  if (!open.ok) return open;
  const found = editableItem(m, itemId);
  if (!found.ok) return found;
  const item = found.value;
  if (isMinutesApproval(item)) return fail('AGENDA.STANDING_ITEM');
  const draft: AgendaItemDraft = { ...item, ...patch };
  const problem = draftProblem(draft);
  if (problem) return { ok: false, error: problem };
  const edited = caseItem(item.id, item.caseNumber, draft);
  return ok(
    withAgenda(
      m,
      m.agenda.map((i) => (i.id === itemId ? edited : i)),
    ),
  );
}

/**
 * Puts the items in the order given. Every item must be named once, and approval of the
 * minutes stays first. Numbers do not follow the order: a number names a case, not a place.
 */
export function reorderAgenda(m: Meeting, itemIds: readonly string[]): Result<Meeting> {
  const open = agendaOpen(m);
  if (!open.ok) return open;
  const same =
    itemIds.length === m.agenda.length &&
    new Set(itemIds).size === itemIds.length &&
    m.agenda.every((i) => itemIds.includes(i.id));
  if (!same) return fail('AGENDA.REORDER_MISMATCH');
  const ordered = itemIds.map((id) => m.agenda.find((i) => i.id === id)!);
  const standing = m.agenda.find(isMinutesApproval);
  if (standing && ordered[0]?.id !== standing.id) return fail('AGENDA.MINUTES_APPROVAL_FIRST');
  return ok(withAgenda(m, ordered));
}

/** Trukket: the item stays on the agenda with its number, marked withdrawn. */
export function withdrawItem(m: Meeting, itemId: string): Result<Meeting> {
  const open = agendaOpen(m);
  if (!open.ok) return open;
  const found = editableItem(m, itemId);
  if (!found.ok) return found;
  return ok(
    withAgenda(
      m,
      m.agenda.map((i) => (i.id === itemId ? { ...i, status: 'withdrawn' as const } : i)),
    ),
  );
}

/**
 * Records that the meeting decided the item; from then on it cannot be edited or withdrawn.
 * Done while writing the minutes, so a held meeting accepts it; a cancelled one decided nothing.
 */
export function markItemDecided(m: Meeting, itemId: string): Result<Meeting> {
  if (m.state === 'cancelled') return fail('AGENDA.MEETING_CLOSED', { state: m.state });
  const found = editableItem(m, itemId);
  if (!found.ok) return found;
  return ok(
    withAgenda(
      m,
      m.agenda.map((i) => (i.id === itemId ? { ...i, status: 'decided' as const } : i)),
    ),
  );
}

/** Items still before the meeting: not withdrawn. */
export const activeItems = (m: Meeting): AgendaItem[] => m.agenda.filter((i) => i.status !== 'withdrawn');

/** The cases municipalities give input on: not withdrawn, not the standing minutes approval. */
export const itemsForInput = (m: Meeting): AgendaItem[] => activeItems(m).filter((i) => !isMinutesApproval(i));
