/**
 * The hearing workflow on the SharePoint store, against the local fake Graph over HTTP (issue
 * 6): distributing one hearing to 26 and to 356 municipalities, recording 356 responses with
 * the card's submit button, and compiling them (the statement card, then the DOCX built and
 * rendered when downloaded); with no throttling and with 30% of Graph calls answered 429.
 * Teams' pacing is left out here (a plain fake connector) so the figures are Graph's; the
 * paced distribution is bench/hearing-delivery-bench.ts.
 */
import { provisionSite } from '../src/adapters/sharepoint/provision';
import { openSharePointStore } from '../src/adapters/sharepoint/open-sharepoint-store';
import { FakeGraph } from '../tests/fakes/fake-graph/fake-graph-server';
import { recordsInFake } from '../tests/fixtures/records-in-fake';
import type { GraphStoreRun } from './graph-store-bench';
import { graphRunRows, measureOnFake, scaledGraph } from './graph-store-bench';
import { HEARING_SIZES } from './hearing-delivery-bench';
import {
  compileStatement,
  distributeOneHearing,
  downloadStatement,
  respondAll,
  startHearingSamrad,
} from './hearing-under-bench';

export interface HearingGraphSection {
  readonly runs: GraphStoreRun[];
}

async function hearingOnGraph(
  share: number,
  municipalities: number,
  fail: (problem: string) => void,
): Promise<GraphStoreRun[]> {
  const fake = await FakeGraph.start();
  const { graph, sleeps } = scaledGraph(fake);
  await provisionSite(graph.http, fake.lists.siteId);
  const h = await startHearingSamrad(municipalities, { store: openSharePointStore(graph, fake.lists.siteId) });
  const runs: GraphStoreRun[] = [];
  const label = `hearing on Graph, ${share * 100}% throttled, ${municipalities} municipalities`;
  const check = (wrong: readonly string[]) => wrong.forEach((w) => fail(`${label}: ${w}`));
  try {
    fake.setThrottle({ share, seed: 2026, retryAfter: '1' });
    const measure = (step: string, work: () => Promise<number>) => measureOnFake(fake, share, sleeps, step, work);
    let hearingId = '';
    runs.push(
      await measure(`distribute one hearing to ${municipalities} municipalities`, async () => {
        const d = await distributeOneHearing(h, recordsInFake(fake));
        hearingId = d.hearingId;
        check([
          ...(d.lost > 0 ? [`${d.lost} lost`] : []),
          ...(d.duplicated > 0 ? [`${d.duplicated} duplicated`] : []),
          ...(d.failedJobs > 0 ? [`${d.failedJobs} jobs not done`] : []),
          ...d.wrong,
        ]);
        return h.connector.sent.length;
      }),
    );
    if (municipalities !== Math.max(...HEARING_SIZES)) return runs;
    runs.push(
      await measure(`record ${municipalities} responses (hearing.submit, one after another)`, async () => {
        check(await respondAll(h, hearingId));
        return municipalities;
      }),
    );
    let docxUrl = '';
    runs.push(
      await measure('compile: the statement card (hearing.compile)', async () => {
        const compiled = await compileStatement(h, hearingId);
        docxUrl = compiled.docxUrl;
        check(compiled.wrong);
        return municipalities;
      }),
    );
    runs.push(
      await measure('compile: the DOCX, built and rendered when downloaded', async () => {
        check(docxUrl ? await downloadStatement(h, docxUrl) : ['no DOCX to download']);
        return municipalities;
      }),
    );
    return runs;
  } finally {
    await h.close();
    await fake.close();
  }
}

export async function runHearingGraphBench(
  progress: (line: string) => void,
): Promise<{ section: HearingGraphSection; failures: string[] }> {
  const failures: string[] = [];
  const runs: GraphStoreRun[] = [];
  for (const share of [0, 0.3]) {
    for (const municipalities of HEARING_SIZES) {
      try {
        runs.push(...(await hearingOnGraph(share, municipalities, (p) => failures.push(p))));
      } catch (e) {
        failures.push(
          `hearing on Graph, ${share * 100}% throttled, ${municipalities} municipalities: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
      progress(`bench: hearing on Graph, ${share * 100}% throttled, ${municipalities} municipalities, done`);
    }
  }
  return { section: { runs }, failures };
}

export function hearingGraphLines(s: HearingGraphSection): string[] {
  return [
    '## One hearing on SharePoint through Graph: distribute, 356 responses, compile',
    '',
    "The product's hearing workflow on the SharePoint store against the fake Graph (as in the section above: same counting, same throttling, Retry-After scaled down), each size on a fresh site and a fresh Samråd over HTTP. " +
      "**Distribute**: from the coordinator's press (`hearing.register`) until every card and the notice were sent; this includes the JobRunner claiming and finishing every outbox job on SharePoint (eTag-guarded updates) and its polls, and the ProactiveSender's own pacing at Teams' 30/s (two cards per municipality: 714 messages for 356, at least 23 s), against a connector that does not refuse. Items: messages sent. " +
      "**Record**: each municipality's respondent presses submit (`hearing.submit`, an invoke over HTTP), one after another; each reads the hearing, writes its response under its eTag, and reads the responses back for the card; the coordinator's card is refreshed behind it. " +
      '**Compile**: the coordinator presses `hearing.compile` (the statement card: the joint statement built and counted), then the DOCX is downloaded through its signed link (built and rendered when downloaded) and checked to hold every answer. ' +
      'The bench fails if any card is lost or doubled, any submit is refused, the card does not end at "356 av 356 har svart", or the DOCX lacks an answer.',
    '',
    ...graphRunRows(s.runs, 'Items'),
    '',
  ];
}
