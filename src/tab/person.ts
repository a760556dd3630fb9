/** The person the tab is open for, with their roles. */
export interface Person {
  readonly memberId: string;
  readonly name: string;
  readonly roles: readonly string[];
}
