import {
  Button,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Text,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dashboard as View } from '../../app/dashboard/dashboard';
import { api, runCommand, type Outcome } from '../api';
import type { T } from '../texts';
import { Problem } from './problem';
import type { FormChoices } from '../../app/my-work/form-choices';
import { PlanMeetingForm, RegisterHearingForm } from './dashboard-forms';
import { HearingCard } from './dashboard-hearing';
import { MeetingCard } from './dashboard-meeting';

/** Polling, not server-sent events: one request through Teams' proxies and App Service, 304 when nothing changed (docs/tab.md). */
const POLL_MS = 4000;

const useStyles = makeStyles({
  grid: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

export function Dashboard({ t }: { t: T }) {
  const [view, setView] = useState<View | undefined>();
  const [failed, setFailed] = useState(false);
  const [updated, setUpdated] = useState<Date | undefined>();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [choices, setChoices] = useState<FormChoices | undefined>();
  const [open, setOpen] = useState<'meeting' | 'hearing' | undefined>();
  const etag = useRef<string | undefined>(undefined);
  const load = useCallback(async () => {
    try {
      const r = await api<View>(t.locale, 'dashboard', { ...(etag.current && { etag: etag.current }) });
      if (r.status !== 304 && r.body) {
        etag.current = r.etag;
        setView(r.body);
      }
      setUpdated(new Date());
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [t]);
  useEffect(() => {
    api<FormChoices>(t.locale, 'forms')
      .then((r) => setChoices(r.body))
      .catch(() => setChoices(undefined));
  }, [t]);
  /** A form that succeeded closes; the dashboard shows what it made at once. */
  const done = (notice: string) => {
    setOpen(undefined);
    setOutcome({ ok: true, notice });
    void load();
  };
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), POLL_MS);
    return () => clearInterval(timer);
  }, [load]);
  const command = async (id: string, target: string) => {
    try {
      setOutcome(await runCommand(t.locale, id, target));
    } catch {
      setOutcome({ ok: false, notice: t('tab.error.load') });
    }
    await load();
  };
  const styles = useStyles();
  if (!view) return failed ? <Problem message={t('tab.error.load')} /> : <Spinner label={t('tab.loading')} />;
  return (
    <div className={styles.grid}>
      <Title2 as="h1">{t('tab.dashboard.title')}</Title2>
      <Text aria-live="off">{updated && t('tab.dashboard.updated', { when: t.dateTime(updated.toISOString()) })}</Text>
      <div aria-live="polite">
        {outcome && (
          <MessageBar intent={outcome.ok ? 'success' : 'warning'}>
            <MessageBarBody>
              {outcome.notice}
              {outcome.links && (
                <>
                  {' '}
                  <Link href={outcome.links.docx}>{t('tab.dashboard.download-docx')}</Link>{' '}
                  <Link href={outcome.links.csv}>{t('tab.dashboard.download-csv')}</Link>
                </>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
      {failed && <Problem message={t('tab.error.load')} />}
      <section aria-labelledby="meetings">
        <Title3 as="h2" id="meetings">
          {t('tab.dashboard.meetings')}
        </Title3>
        {choices &&
          (open === 'meeting' ? (
            <PlanMeetingForm t={t} choices={choices} onDone={done} onCancel={() => setOpen(undefined)} />
          ) : (
            <div>
              <Button onClick={() => setOpen('meeting')}>{t('tab.dashboard.plan-meeting')}</Button>
            </div>
          ))}
        {view.meetings.length === 0 && (
          <Text as="p" block>
            {t('tab.dashboard.no-meetings')}
          </Text>
        )}
        {view.meetings.map((m) => (
          <MeetingCard
            key={m.meetingId}
            t={t}
            meeting={m}
            onRequest={() => void command('request-input', m.meetingId)}
            choices={choices}
            onDone={(notice) => {
              setOutcome({ ok: true, notice });
              void load();
            }}
          />
        ))}
      </section>
      <section aria-labelledby="hearings">
        <Title3 as="h2" id="hearings">
          {t('tab.dashboard.hearings')}
        </Title3>
        {choices &&
          (open === 'hearing' ? (
            <RegisterHearingForm t={t} choices={choices} onDone={done} onCancel={() => setOpen(undefined)} />
          ) : (
            <div>
              <Button onClick={() => setOpen('hearing')}>{t('tab.dashboard.register-hearing')}</Button>
            </div>
          ))}
        {view.hearings.length === 0 && (
          <Text as="p" block>
            {t('tab.dashboard.no-hearings')}
          </Text>
        )}
        {view.hearings.map((h) => (
          <HearingCard
            key={h.hearingId}
            t={t}
            hearing={h}
            onCompile={() => void command('compile-hearing', h.hearingId)}
          />
        ))}
      </section>
      <section aria-labelledby="votes">
        <Title3 as="h2" id="votes">
          {t('tab.dashboard.votes')}
        </Title3>
        {view.votes.length === 0 ? (
          <Text as="p" block>
            {t('tab.dashboard.no-votes')}
          </Text>
        ) : (
          <ul className={styles.list}>
            {view.votes.map((v) => (
              <li key={v.voteId}>
                {v.caseNumber ? `${v.caseNumber} ` : ''}
                {v.title}: {t('tab.dashboard.vote-progress', { cast: v.cast, voters: v.voters })}
                {v.deadline && ` · ${t('tab.due', { when: t.dateTime(v.deadline) })}`}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="overdue">
        <Title3 as="h2" id="overdue">
          {t('tab.dashboard.overdue')}
        </Title3>
        {view.overdue.length === 0 ? (
          <Text as="p" block>
            {t('tab.dashboard.no-overdue')}
          </Text>
        ) : (
          <ul className={styles.list}>
            {view.overdue.map((o) => (
              <li key={o.taskId}>
                {t('tab.dashboard.overdue-line', {
                  number: o.caseNumber,
                  description: o.description,
                  owner: o.owner,
                  due: t.date(o.due),
                })}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="problems">
        <Title3 as="h2" id="problems">
          {t('tab.dashboard.problems')}
        </Title3>
        {view.deliveryFailures.length + view.failedJobs.length === 0 ? (
          <Text as="p" block>
            {t('tab.dashboard.no-problems')}
          </Text>
        ) : (
          <ul className={styles.list}>
            {view.deliveryFailures.map((f) => (
              <li key={f.id}>{t('tab.dashboard.failure-line', { message: f.message, when: t.dateTime(f.at) })}</li>
            ))}
            {view.failedJobs.map((j) => (
              <li key={j.ref}>
                {t('tab.dashboard.job-line', { ref: j.ref, what: j.what, when: t.dateTime(j.at) })}{' '}
                {/* The label starts with the visible words and names the job, so each button is told apart. */}
                <Button
                  size="small"
                  aria-label={t('tab.dashboard.retry-label', { ref: j.ref, what: j.what })}
                  onClick={() => void command('retry-job', j.ref)}
                >
                  {t('tab.dashboard.retry')}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
