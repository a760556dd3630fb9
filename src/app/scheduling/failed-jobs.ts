import type { Job } from './job';
import type { JobScheduler } from './scheduler';

/** The jobs that failed for good, most recent first: what `feilede jobber` lists and `prøv igjen` offers. */
export async function failedJobsNewestFirst(scheduler: Pick<JobScheduler, 'list'>): Promise<Job[]> {
  return (await scheduler.list({ state: 'failed' })).sort((a, b) =>
    (b.finishedAt ?? b.updatedAt).localeCompare(a.finishedAt ?? a.updatedAt),
  );
}
