import type { MunicipalityNumber } from './municipality';

/** Who a seat in a body speaks for: a municipality, or another party such as the hospital trust. */
export type Representation = { readonly municipality: MunicipalityNumber } | { readonly party: string };

export type SeatRole = 'chair' | 'member' | 'deputy' | 'observer';

/** A seat in a body for a term. A deputy (vara) stands in for the member named in `deputyFor`. */
export interface Membership {
  readonly body: string;
  readonly role: SeatRole;
  readonly represents: Representation;
  readonly from: string; // ISO date, inclusive
  readonly to?: string; // ISO date, inclusive; open-ended when absent
  readonly deputyFor?: string;
}

/** Answers hearings and input requests on behalf of a municipality. */
export interface RespondentRole {
  readonly municipality: MunicipalityNumber;
  readonly role: 'respondent' | 'deputy';
}

/** A person known to the cooperation. Most are guests from their own municipality's tenant. */
export interface Member {
  readonly id: string;
  readonly name: string;
  /** Work e-mail in the person's home tenant; also how guests are recognised. */
  readonly email: string;
  readonly aadObjectId?: string;
  readonly title?: string;
  readonly coordinator: boolean;
  readonly memberships: readonly Membership[];
  readonly respondentFor: readonly RespondentRole[];
}

export function holdsSeatOn(membership: Membership, onDate: string): boolean {
  return membership.from <= onDate && (membership.to === undefined || onDate <= membership.to);
}

export function representedMunicipality(m: Membership): MunicipalityNumber | undefined {
  return 'municipality' in m.represents ? m.represents.municipality : undefined;
}
