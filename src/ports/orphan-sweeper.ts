/**
 * A store that keeps large records in parts (SharePoint) may leave parts no record points at:
 * a write that died between writing its parts and its record, or before removing the parts a
 * record no longer uses. The sweeper removes those, never a part a record points at.
 */
export interface OrphanSweeper {
  /**
   * Removes at most `max` unreferenced parts written before `before` (a write still in
   * progress wrote its parts after it); `finished` false when more are left.
   */
  sweepOrphans(before: Date, max: number): Promise<{ readonly removed: number; readonly finished: boolean }>;
}
