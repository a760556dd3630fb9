import { describeJob } from '../scheduling/describe-job';
import { findJobByRef, jobRef } from '../scheduling/job-ref';
import { text } from '../reply';
import type { Command } from './command';

/**
 * `prøv igjen <jobb>`: puts one failed job back, due now with fresh attempts. Saying it twice
 * is harmless: a job already back in the queue is left where it is.
 */
export const retryJobCommand: Command = {
  id: 'retry-job',
  audience: ['coordinator'],
  takesArgument: true,
  inMenu: false,
  async run({ org, t, args }, { scheduler }) {
    const typed = args.trim();
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
};
