/** A geographic area around one local hospital; each has a local cooperation committee (LSU). */
export interface Area {
  readonly id: string;
  readonly name: string;
  /** Body id of the area's LSU. */
  readonly lsu?: string;
}
