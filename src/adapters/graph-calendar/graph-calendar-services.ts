import type { Client } from '@microsoft/microsoft-graph-client';
import type { Calendar } from '../../ports/calendar';
import type { Clock } from '../../ports/clock';
import type { FreeBusy } from '../../ports/free-busy';
import type { RecordStore } from '../../ports/record-store';
import { GraphCalendar } from './graph-calendar.adapter';
import { GraphFreeBusy } from './graph-free-busy.adapter';

/**
 * The calendar and free/busy of a tenant, for the composition root when Graph is configured.
 * Permission: Calendars.ReadWrite (application), limited to the organiser mailbox with Exchange
 * RBAC for Applications. getSchedule is asked as that mailbox, so it sees the free/busy that
 * colleagues share inside the organisation; guests' own tenants are not reached.
 */
export function graphCalendarServices(options: {
  readonly client: Client;
  /** The mailbox meetings are organised from, e.g. `sekretariat@samhandling.no`. */
  readonly organiser: string;
  readonly store: RecordStore;
  readonly clock?: Clock;
}): { readonly calendar: Calendar; readonly freeBusy: FreeBusy } {
  return {
    calendar: new GraphCalendar(options),
    freeBusy: new GraphFreeBusy({ client: options.client, organiser: options.organiser }),
  };
}
