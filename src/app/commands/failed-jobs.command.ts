import { z } from 'zod';
import { formatDateTime } from '../../i18n/dates';
import { describeJob } from '../scheduling/describe-job';
import { failedJobsNewestFirst } from '../scheduling/failed-jobs';
import { jobErrorCause } from '../scheduling/job-errors';
import { jobRef } from '../scheduling/job-ref';
import { text } from '../reply';
import { declareCommand } from './grammar/declare-command';

const SHOWN = 20;

/**
 * `feilede jobber`: work that used up its attempts (or that Teams refused for good), most
 * recent first, each with the short id `prøv igjen` takes, what it was and why, in words.
 */
export const failedJobsCommand = declareCommand({
  id: 'failed-jobs',
  audience: ['coordinator'],
  args: z.object({}),
  inMenu: false,
  async run({ org, t }, { scheduler }) {
    const failed = await failedJobsNewestFirst(scheduler);
    if (failed.length === 0) return [text(t.t('jobs.failed.none'))];
    const lines = failed.slice(0, SHOWN).map((job) =>
      t.t('jobs.failed.line', {
        ref: jobRef(job.id),
        what: describeJob(job, org, t),
        when: formatDateTime(new Date(job.finishedAt ?? job.updatedAt), t.locale),
        why: t.t(`jobs.error.${jobErrorCause(job.lastError)}`),
        attempts: job.attempts,
      }),
    );
    const more = failed.length > SHOWN ? [t.t('jobs.failed.more', { count: failed.length - SHOWN })] : [];
    return [
      text(
        [
          t.t('jobs.failed.title', { count: failed.length }),
          ...lines.map((l) => `- ${l}`),
          ...more,
          t.t('jobs.failed.how-to-retry', { ref: jobRef(failed[0]!.id) }),
        ].join('\n\n'),
      ),
    ];
  },
});
