import { z } from 'zod';
import { describeJob } from '../scheduling/describe-job';
import { failedJobsNewestFirst } from '../scheduling/failed-jobs';
import { findJobByRef, jobRef } from '../scheduling/job-ref';
import { text } from '../reply';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';
import { echo } from './grammar/echo';
import { choiceReply } from './pick';

/**
 * `prøv igjen <jobb>`: puts one failed job back, due now with fresh attempts. Saying it twice
 * is harmless: a job already back in the queue is left where it is. Without an id: the one
 * failed job, or a choice of them.
 */
export const retryJobCommand = declareCommand({
  id: 'retry-job',
  audience: ['coordinator'],
  args: z.object({ job: arg.text() }),
  inMenu: false,
  async run({ org, t, input }, { scheduler }) {
    const typed = input.job ?? '';
    // Pick, don't type: without an id the failed jobs as buttons, newest first; the only one is taken without asking.
    const found = typed ? await findJobByRef(scheduler, typed) : await failedJobsNewestFirst(scheduler);
    if (!typed && found.length === 0) return [text(t.t('jobs.failed.none'))];
    if (!typed && found.length > 1) {
      const candidates = found.map((j) => ({ id: jobRef(j.id), title: describeJob(j, org, t) }));
      return [choiceReply(t, t.t('jobs.retry.which'), 'retry-job', candidates, undefined, '')];
    }
    if (found.length === 0) return [text(t.t('jobs.retry.unknown', { ref: echo(typed) }))];
    if (found.length > 1)
      return [text(t.t('jobs.retry.ambiguous', { ref: echo(typed), ids: found.map((j) => j.id).join(', ') }))];
    const job = found[0]!;
    const what = describeJob(job, org, t);
    const ref = jobRef(job.id);
    const retried = await scheduler.retry(job.id);
    if (!retried.ok) {
      if (retried.error.code === 'JOB.NOT_FOUND') return [text(t.t('jobs.retry.unknown', { ref: echo(typed || ref) }))];
      return [text(t.t('jobs.retry.finished', { ref, what, state: String(retried.error.params?.state ?? '') }))];
    }
    return [text(t.t(job.state === 'failed' ? 'jobs.retry.queued' : 'jobs.retry.already', { ref, what }))];
  },
});
