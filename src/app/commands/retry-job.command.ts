import { z } from 'zod';
import { describeJob } from '../scheduling/describe-job';
import { findJobByRef, jobRef } from '../scheduling/job-ref';
import { text } from '../reply';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';

/**
 * `prøv igjen <jobb>`: puts one failed job back, due now with fresh attempts. Saying it twice
 * is harmless: a job already back in the queue is left where it is.
 */
export const retryJobCommand = declareCommand({
  id: 'retry-job',
  audience: ['coordinator'],
  args: z.object({ job: arg.text() }),
  inMenu: false,
  async run({ org, t, input }, { scheduler }) {
    const typed = input.job ?? '';
    if (!typed) return [text(t.t('jobs.retry.which'))];
    const found = await findJobByRef(scheduler, typed);
    if (found.length === 0) return [text(t.t('jobs.retry.unknown', { ref: typed }))];
    if (found.length > 1)
      return [text(t.t('jobs.retry.ambiguous', { ref: typed, ids: found.map((j) => j.id).join(', ') }))];
    const job = found[0]!;
    const what = describeJob(job, org, t);
    const ref = jobRef(job.id);
    const retried = await scheduler.retry(job.id);
    if (!retried.ok) {
      if (retried.error.code === 'JOB.NOT_FOUND') return [text(t.t('jobs.retry.unknown', { ref: typed }))];
      return [text(t.t('jobs.retry.finished', { ref, what, state: String(retried.error.params?.state ?? '') }))];
    }
    return [text(t.t(job.state === 'failed' ? 'jobs.retry.queued' : 'jobs.retry.already', { ref, what }))];
  },
});
