/**
 * Free/busy: when are these people busy between two instants? Used to propose meeting times
 * (`foreslå tid`). Graph answers from the mailboxes (getSchedule); without a tenant, Samråd
 * answers from the meetings it has stored itself.
 */
import type { TimeInterval } from '../domain/time-suggestion';

export type { TimeInterval };

export interface Availability {
  /** The address asked about, as asked. */
  readonly email: string;
  /** False when the person's calendar could not be read (another tenant, no mailbox): their `busy` says nothing. */
  readonly known: boolean;
  readonly busy: readonly TimeInterval[];
}

export interface FreeBusy {
  /** One answer per address, in the order asked. */
  busy(emails: readonly string[], window: TimeInterval): Promise<Availability[]>;
}

export class FreeBusyError extends Error {
  readonly code = 'FREE_BUSY.UNAVAILABLE';
  constructor(options?: { cause?: unknown; detail?: string }) {
    super(`FREE_BUSY.UNAVAILABLE${options?.detail ? `: ${options.detail}` : ''}`, options);
    this.name = 'FreeBusyError';
  }
}
