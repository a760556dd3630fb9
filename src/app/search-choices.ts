import { foldText } from '../domain/fold-text';
import type { Meeting } from '../domain/meeting';
import type { Organisation } from '../domain/organisation';
import type { Clock } from '../ports/clock';
import type { RecordStore } from '../ports/record-store';
import type { HearingRecord } from './hearings/hearing-records';
import { HEARINGS } from './hearings/hearing-records';
import type { AddressLookup, TeamsUser } from './identify-actor';
import { identifyActor } from './identify-actor';
import { MEETINGS } from './meetings/meeting-records';
import type { OrganisationRegistry } from './organisation-registry';
import type { VoteRecord } from './voting/vote-records';
import { VOTES } from './voting/vote-records';

/**
 * Typeahead for long choice sets (`choices.data` with `Data.Query`): a card names one of these
 * datasets, and Teams asks with what the person has typed so far (invoke `application/search`).
 */
export const SEARCH_DATASETS = ['samrad.people', 'samrad.meetings', 'samrad.votes', 'samrad.hearings'] as const;
export type SearchDataset = (typeof SEARCH_DATASETS)[number];

export interface Choice {
  readonly title: string;
  readonly value: string;
}

export interface SearchQuery {
  readonly dataset: string;
  readonly text: string;
  readonly skip?: number;
  readonly top?: number;
  readonly user: TeamsUser;
  readonly lookupAddress: AddressLookup;
}

export interface ChoiceSearchDeps {
  readonly registry: OrganisationRegistry;
  readonly store: RecordStore;
  readonly clock: Clock;
  readonly tenantDomains?: readonly string[];
}

/** Teams shows at most 15 choices from a dynamic search (dynamic-search.md). */
const MOST = 15;

export class ChoiceSearch {
  constructor(private readonly deps: ChoiceSearchDeps) {}

  /** Only people the organisation knows see its names and meetings; others get nothing. */
  async search(q: SearchQuery): Promise<Choice[]> {
    const { registry, store, clock, tenantDomains } = this.deps;
    const org = registry.organisation;
    const actor = await identifyActor(org, store, q.user, q.lookupAddress, clock.now(), tenantDomains);
    if (actor.kind !== 'member') return [];
    const wanted = foldText(q.text);
    const all = await this.candidates(q.dataset, org);
    const matching = all.filter((c) => foldText(c.title).includes(wanted));
    const skip = Math.max(0, q.skip ?? 0);
    return matching.slice(skip, skip + Math.min(MOST, Math.max(1, q.top ?? MOST)));
  }

  private async candidates(dataset: string, org: Organisation): Promise<Choice[]> {
    const { store, clock } = this.deps;
    const now = clock.now().getTime();
    switch (dataset) {
      case 'samrad.people':
        return [...org.members]
          .sort((a, b) => a.name.localeCompare(b.name, 'nb'))
          .map((m) => ({ title: m.title ? `${m.name} (${m.title})` : m.name, value: m.id }));
      case 'samrad.meetings':
        return (await store.find<Meeting>(MEETINGS))
          .filter((m) => m.value.state === 'planned' && Date.parse(m.value.end) > now)
          .sort((a, b) => a.value.start.localeCompare(b.value.start))
          .map((m) => ({ title: `${m.value.title} (${m.id})`, value: m.id }));
      case 'samrad.votes':
        return (await store.find<VoteRecord>(VOTES, { state: 'open' })).map((v) => ({
          title: `${v.value.title} (${v.id})`,
          value: v.id,
        }));
      case 'samrad.hearings':
        return (await store.find<HearingRecord>(HEARINGS, { state: 'open' })).map((h) => ({
          title: `${h.value.title} (${h.id})`,
          value: h.id,
        }));
      default:
        return [];
    }
  }
}
