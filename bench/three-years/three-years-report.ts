import type { ThreeYearsSection, WorkflowCount } from './three-years-bench';

const row = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;
const countRow = (w: WorkflowCount) => row([w.workflow, w.httpRequests, w.subRequests, w.refused, w.wallMs.toFixed(0)]);

export function threeYearsLines(s: ThreeYearsSection): string[] {
  return [
    `## Three years of a cooperation on SharePoint (${s.weeks} weeks)`,
    '',
    'The SharePoint store (sealed ballot boxes, large records in parts) on the faithful fake Graph at SharePoint’s limits: a query whose first indexed clause passes 5,000 items is refused (500), text past 63,999 / 255 characters is refused (400), a body past 4 MB (413). ' +
      'Filled week by week: votes opened, cast through the ballot use case and closed by it; jobs scheduled, run and finished by the job runner; retention run nightly by its own job; meetings, input answers, hearings and responses written with the product’s collections, ids and filtered fields. Requests are HTTP requests to Graph (a `$batch` counts once); sub-requests are those inside batches.',
    '',
    `Written: ${Object.entries(s.written)
      .map(([k, v]) => `${v} ${k}`)
      .join(
        ', ',
      )}. Items in the list at the end: ${s.itemsInList}; the most items any one filter value matches: ${s.largestFirstClause ?? 0}.`,
    '',
    row(['Workflow', 'Requests', 'Sub-requests', 'Refused', 'Wall ms']),
    row(['---', '---:', '---:', '---:', '---:']),
    countRow(s.fill),
    ...s.workflows.map(countRow),
    '',
    `Refused by the threshold or by size, in all: **${s.refusedTotal}** (the bench fails unless 0). Wall time ${(s.wallMs / 1000).toFixed(0)} s.`,
    '',
  ];
}
