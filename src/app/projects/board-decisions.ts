import { boardOf } from '../../domain/organisation';
import type { Organisation } from '../../domain/organisation';
import type { BoardDecisionRef } from '../../domain/project';
import type { RecordStore } from '../../ports/record-store';
import { decisionEntries } from '../register/decision-entries';

/** The board's decisions as the decision register has them: what an application for funding must point to. */
export async function boardDecisions(store: RecordStore, org: Organisation, now: Date): Promise<BoardDecisionRef[]> {
  const board = boardOf(org);
  if (!board) return [];
  return (await decisionEntries(store, now))
    .filter((e) => e.bodyId === board.id)
    .map((e) => ({ caseNumber: e.caseNumber, date: e.date }));
}
