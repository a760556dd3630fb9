import type { Meeting } from '../../domain/meeting';
import { intervalsOverlap, osloDate } from '../../domain/oslo-time';
import { holdsSeatOn } from '../../domain/member';
import type { Organisation } from '../../domain/organisation';
import type { Availability, FreeBusy, TimeInterval } from '../../ports/free-busy';
import type { RecordStore } from '../../ports/record-store';
import { MEETINGS } from './meeting-records';

/**
 * Free/busy without a tenant: a person is busy during the planned meetings of the bodies they
 * hold a seat on (deputies only when called in, so not here). It knows only Samråd's own
 * meetings, not people's calendars; an address that is no member is unknown.
 */
export class MeetingsFreeBusy implements FreeBusy {
  constructor(private readonly deps: { readonly store: RecordStore; readonly organisation: () => Organisation }) {}

  async busy(emails: readonly string[], window: TimeInterval): Promise<Availability[]> {
    const org = this.deps.organisation();
    const meetings = (await this.deps.store.find<Meeting>(MEETINGS, { state: 'planned' }))
      .map((r) => r.value)
      .filter((m) => intervalsOverlap(m, window))
      .sort((a, b) => a.start.localeCompare(b.start));
    return emails.map((email) => {
      const member = org.members.find((m) => m.email.toLowerCase() === email.toLowerCase());
      if (!member) return { email, known: false, busy: [] };
      const sits = (m: Meeting) =>
        member.memberships.some((s) => s.body === m.bodyId && s.role !== 'deputy' && holdsSeatOn(s, osloDate(m.start)));
      return { email, known: true, busy: meetings.filter(sits).map((m) => ({ start: m.start, end: m.end })) };
    });
  }
}
