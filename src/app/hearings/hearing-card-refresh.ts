import type { StatusViewer } from './hearing-status';
import { coordinatorRefresh, hearingStatusCard } from './hearing-status';
import type { HearingDeps } from './hearing-jobs';
import type { HearingRecord, ResponseHistory } from './hearing-records';
import { hearingResponses, loadHearing } from './hearing-records';

/**
 * What an answer has just read and written: the hearing, every municipality's history (the
 * answerer's own as written) and the coordinators to refresh the card for. The card is built
 * from it, so a refresh reads nothing again (issue 13: one response, at most 3 Graph requests).
 */
export interface CardSnapshot {
  readonly hearing: HearingRecord;
  readonly histories: readonly ResponseHistory[];
  readonly viewer: StatusViewer;
}

/**
 * The coordinator's card in the channel shows the new count; failing that is logged, not undone.
 * Without a snapshot (extend, close, `hearing.refresh`) everything is read as it stands now.
 */
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export async function refreshPostedCard(deps: HearingDeps, hearingId: string, snapshot?: CardSnapshot): Promise<void> {
  const org = deps.organisation();
  const h = snapshot?.hearing ?? (await loadHearing(deps.store, hearingId));
  if (!h?.posted || !deps.messenger) return;
  const t = deps.translator(h.locale ?? 'nb');
  const [responses, viewer] = snapshot
    ? [snapshot.histories.flatMap((r) => r.responses), snapshot.viewer]
    : await Promise.all([hearingResponses(deps.store, h.id), coordinatorRefresh(deps.store, org)]);
  // Posted where everyone sees it: neutral, and refreshed into the coordinators' own view.
  const card = hearingStatusCard(org, t, h, responses, '', viewer);
  await deps.messenger.update(h.posted.conversationId, h.posted.activityId, card).catch((error: unknown) => {
    deps.warn?.('hearing.card-update-failed', { hearingId, error: messageOf(error) });
  });
}

/**
 * Two answers' snapshots as one: per municipality the longer history (a history only grows, one
 * version per save), so answers given at the same moment, each read before the other was
 * written, are both on the card.
 */
export function mergedSnapshot(a: CardSnapshot | undefined, b: CardSnapshot): CardSnapshot {
  if (!a) return b;
  const byMunicipality = new Map(a.histories.map((r) => [r.municipality, r]));
  for (const r of b.histories) {
    const seen = byMunicipality.get(r.municipality);
    if (!seen || r.responses.length >= seen.responses.length) byMunicipality.set(r.municipality, r);
  }
  return { ...b, histories: [...byMunicipality.values()] };
}

interface Refresh {
  again: boolean;
  latest: CardSnapshot;
  readonly done: Promise<void>;
}
/** Per composition (its hearing deps) and hearing: the refresh of the coordinator's card now running. */
const refreshing = new WeakMap<HearingDeps, Map<string, Refresh>>();

/**
 * Refreshes the coordinator's card without the respondent waiting for it. Teams lets the bot
 * update one conversation 60 times in 30 s, so when answers arrive together the update waits
 * its turn in the paced sender: awaited in the invoke, 356 submits one after another took
 * 166 s (npm run bench), and with dozens answering at once a press would wait past Teams'
 * 5 s invoke limit.
 * Coalesced per hearing: while one refresh runs, any number of requests add one more, which
 * shows every snapshot handed in so far (merged), so the card ends showing the latest count.
 */
export function refreshPostedCardSoon(deps: HearingDeps, hearingId: string, snapshot: CardSnapshot): Promise<void> {
  const byHearing = refreshing.get(deps) ?? new Map<string, Refresh>();
  refreshing.set(deps, byHearing);
  const running = byHearing.get(hearingId);
  if (running) {
    running.again = true;
    running.latest = mergedSnapshot(running.latest, snapshot);
    return running.done;
  }
  // Read as it is now: a request made while the card is sent sets it.
  const askedAgain = (): boolean => refresh.again;
  const run = async (): Promise<void> => {
    try {
      do {
        refresh.again = false;
        await refreshPostedCard(deps, hearingId, refresh.latest).catch((error: unknown) =>
          deps.warn?.('hearing.card-update-failed', { hearingId, error: messageOf(error) }),
        );
      } while (askedAgain());
    } finally {
      byHearing.delete(hearingId);
    }
  };
  // Registered before it starts, so a request made while it runs always finds it.
  const refresh: Refresh = { again: false, latest: snapshot, done: Promise.resolve().then(run) };
  byHearing.set(hearingId, refresh);
  return refresh.done;
}
