import type { ResultListName } from '../../../ports/result-lists';

// What a result list's columns and views may be: SharePoint's column kinds, the choice sets, the view shape.

export type ColumnKind = 'text' | 'note' | 'number' | 'dateTime' | 'date' | 'boolean' | 'choice' | 'link';

export interface TypedColumn {
  /** Internal name: what the product writes and views refer to. */
  readonly name: string;
  readonly kind: ColumnKind;
  /** Indexed: the product filters on it, or a view groups by it (list view threshold). */
  readonly indexed?: boolean;
  readonly unique?: boolean;
  /** A choice column's keys; the texts are `lists.choice.<choices>.<key>`. */
  readonly choices?: ChoiceSet;
}

export type ChoiceSet = keyof typeof CHOICES;

/** Choice keys per set; the texts people see are in the catalogues. */
export const CHOICES = {
  meetingState: ['planned', 'cancelled', 'held'],
  itemKind: ['case', 'minutes-approval'],
  itemStatus: ['open', 'withdrawn', 'decided'],
  followUpState: ['none', 'open', 'done'],
  minutesStatus: ['draft', 'approved'],
  voteState: ['draft', 'open', 'closed'],
  secrecy: ['named', 'secret'],
  rule: ['simple-majority', 'two-thirds', 'unanimity'],
  electorate: ['members', 'municipalities'],
  outcome: ['adopted', 'rejected', 'no-quorum', 'chosen', 'tie'],
  inputPosition: ['support', 'support-with-changes', 'against', 'no-view'],
  answerStatus: ['draft', 'submitted'],
  hearingState: ['open', 'closed'],
  hearingPosition: ['agree', 'agree-with-remarks', 'disagree', 'no-comment'],
  taskStatus: ['open', 'done'],
} as const satisfies Record<string, readonly string[]>;

/**
 * A default view. Sorting is by the choice's text: "Åpen" after "Fullført" in Norwegian and
 * "Open" after "Done" in English, so open-first is descending in both.
 */
export interface ViewSpec {
  /** `lists.view.<key>` names it. */
  readonly key: string;
  readonly fields: readonly string[];
  readonly orderBy: readonly { readonly field: string; readonly ascending: boolean }[];
  readonly groupBy?: string;
  readonly isDefault: boolean;
}

export interface ListSchema {
  readonly list: ResultListName;
  readonly internalName: string;
  readonly columns: readonly TypedColumn[];
  readonly views: readonly ViewSpec[];
}
