import type { Organisation } from '../../domain/organisation';
import { coordinators, municipalitiesSorted, seatsOf } from '../../domain/organisation';

/** What the dashboard's forms offer to pick from, so nobody types an id or a municipality number. */
export interface FormChoices {
  /** Each body with the people a case may be given to: the secretariat and the body's members. */
  readonly bodies: readonly {
    readonly id: string;
    readonly name: string;
    readonly people: readonly { readonly id: string; readonly name: string }[];
  }[];
  readonly municipalities: readonly { readonly number: string; readonly name: string }[];
}

export function formChoices(org: Organisation, onDate: string): FormChoices {
  return {
    bodies: org.bodies.map((b) => {
      const people = [...coordinators(org), ...seatsOf(org, b.id, onDate).map((s) => s.member)];
      return {
        id: b.id,
        name: b.name,
        people: [...new Map(people.map((p) => [p.id, { id: p.id, name: p.name }])).values()],
      };
    }),
    municipalities: municipalitiesSorted(org).map((m) => ({ number: m.number, name: m.name })),
  };
}
