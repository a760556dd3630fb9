import {
  Badge,
  Button,
  Card,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  Title3,
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Dashboard as View, DashboardMeeting } from '../../app/dashboard/dashboard';
import { api, runCommand, type Outcome } from '../api';
import type { T } from '../texts';
import { Problem } from './problem';
import type { FormChoices } from '../../app/my-work/form-choices';
import { AddAgendaItemForm, PlanMeetingForm, RegisterHearingForm } from './dashboard-forms';

/** Polling, not server-sent events: one request through Teams' proxies and App Service, 304 when nothing changed (docs/tab.md). */
const POLL_MS = 4000;

const useStyles = makeStyles({
  grid: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  cell: { minWidth: '7rem' },
  support: { backgroundColor: tokens.colorPaletteGreenBackground2, color: tokens.colorNeutralForeground1 },
  'support-with-changes': {
    backgroundColor: tokens.colorPaletteYellowBackground2,
    color: tokens.colorNeutralForeground1,
  },
  against: { backgroundColor: tokens.colorPaletteRedBackground2, color: tokens.colorNeutralForeground1 },
  'no-view': { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground1 },
  none: {},
  focusable: { display: 'inline-block', padding: tokens.spacingHorizontalXS, borderRadius: tokens.borderRadiusMedium },
  diverges: { fontWeight: tokens.fontWeightSemibold, textDecorationLine: 'underline' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  scroll: { overflowX: 'auto' },
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
          <Card key={h.hearingId}>
            <h3>{h.title}</h3>
            <Text>
              {t('tab.dashboard.hearing-deadlines', {
                internal: t.dateTime(h.internalDeadline),
                external: t.dateTime(h.externalDeadline),
                days: h.reminderDaysBefore.join(', '),
              })}
            </Text>
            <div className={styles.scroll}>
              <Table size="small" aria-label={h.title}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('tab.dashboard.municipality')}</TableHeaderCell>
                    <TableHeaderCell>{t('tab.dashboard.status')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {h.rows.map((r) => (
                    <TableRow key={r.municipality}>
                      <TableCell>{r.name}</TableCell>
                      <TableCell>
                        {t(`tab.dashboard.state.${r.state}`)}
                        {r.position && ` · ${t(`hearing.position.${r.position}`)}`}
                        {r.late && ` · ${t('tab.dashboard.late')}`}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
            <div>
              <Button onClick={() => void command('compile-hearing', h.hearingId)}>{t('tab.dashboard.compile')}</Button>
            </div>
          </Card>
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
              <li key={j.ref}>{t('tab.dashboard.job-line', { ref: j.ref, what: j.what, when: t.dateTime(j.at) })}</li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function MeetingCard({
  t,
  meeting,
  onRequest,
  choices,
  onDone,
}: {
  t: T;
  meeting: DashboardMeeting;
  onRequest: () => void;
  choices: FormChoices | undefined;
  onDone: (notice: string) => void;
}) {
  const styles = useStyles();
  const [adding, setAdding] = useState(false);
  const input = meeting.input;
  return (
    <Card>
      <h3>
        {t('tab.dashboard.meeting', { body: meeting.body, title: meeting.title, when: t.dateTime(meeting.start) })}
      </h3>
      <Text>{t('tab.dashboard.agenda')}</Text>
      {meeting.agenda.length === 0 ? (
        <Text>{t('tab.dashboard.no-cases')}</Text>
      ) : (
        <ol className={styles.list} aria-label={t('tab.dashboard.agenda')}>
          {meeting.agenda.map((c) => (
            <li key={c.itemId}>
              {c.caseNumber} {c.title}
            </li>
          ))}
        </ol>
      )}
      {choices &&
        (adding ? (
          <AddAgendaItemForm
            t={t}
            choices={choices}
            meetingId={meeting.meetingId}
            bodyId={meeting.bodyId}
            onDone={(notice) => {
              setAdding(false);
              onDone(notice);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <div>
            <Button onClick={() => setAdding(true)}>{t('tab.dashboard.add-case')}</Button>
          </div>
        ))}
      {!input ? (
        <>
          <Text>{t('tab.dashboard.no-input')}</Text>
          <div>
            <Button appearance="primary" onClick={onRequest}>
              {t('tab.dashboard.request-input')}
            </Button>
          </div>
        </>
      ) : (
        <>
          <Text>
            {t('tab.dashboard.input-status', {
              answered: input.answered,
              asked: input.asked,
              deadline: t.dateTime(input.deadline),
            })}
          </Text>
          <div className={styles.scroll}>
            <Table size="small" aria-label={t('tab.dashboard.matrix')}>
              <caption>
                {t('tab.dashboard.matrix')}. {t('tab.dashboard.matrix-caption')}
              </caption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('tab.dashboard.municipality')}</TableHeaderCell>
                  <TableHeaderCell>{t('tab.dashboard.status')}</TableHeaderCell>
                  {input.cases.map((c) => (
                    <TableHeaderCell key={c.itemId} className={styles.cell}>
                      <span>
                        {c.caseNumber} {c.title}
                        <br />
                        {c.majority
                          ? t('tab.dashboard.majority', { position: t(`input.position.${c.majority}`) })
                          : t('tab.dashboard.no-majority')}
                        {c.diverging > 0 && ` · ${t('tab.dashboard.diverging', { count: c.diverging })}`}
                      </span>
                    </TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {input.rows.map((r) => (
                  <TableRow key={r.municipality}>
                    <TableCell>{r.name}</TableCell>
                    <TableCell>
                      <Badge
                        appearance={r.state === 'submitted' ? 'filled' : 'outline'}
                        color={r.state === 'none' ? 'danger' : r.state === 'draft' ? 'warning' : 'success'}
                      >
                        {t(`tab.dashboard.state.${r.state}`)}
                      </Badge>
                    </TableCell>
                    {r.cells.map((cell, n) => (
                      <TableCell key={input.cases[n]?.itemId ?? n} className={styles[cell.position ?? 'none']}>
                        {cell.position ? (
                          <Tooltip content={cell.text || t('tab.dashboard.no-text')} relationship="description">
                            {/* Focusable, so the reasons show by keyboard as well as on hover. */}
                            <span
                              tabIndex={0}
                              className={`${styles.focusable} ${cell.diverges ? styles.diverges : ''}`}
                            >
                              {t(`input.position.${cell.position}`)}
                              {cell.diverges && ` (${t('tab.dashboard.diverges')})`}
                            </span>
                          </Tooltip>
                        ) : (
                          <span>{t('tab.dashboard.not-answered')}</span>
                        )}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </Card>
  );
}
