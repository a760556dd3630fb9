import {
  Badge,
  Button,
  Card,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { RoomVote } from '../../app/my-work/meeting-room';
import { act, api } from '../api';
import type { Person } from '../person';
import type { T } from '../texts';
import { optionLabel } from './work-forms';
import { Problem } from './problem';
import type { RoomAgenda } from '../../app/my-work/meeting-agenda';
import { MeetingAgenda } from './meeting-agenda';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  bars: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  bar: { display: 'grid', gridTemplateColumns: '8rem 1fr 3rem', alignItems: 'center', gap: tokens.spacingHorizontalS },
  track: {
    height: '1.25rem',
    backgroundColor: tokens.colorNeutralBackground3,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
  },
  fill: { height: '100%', backgroundColor: tokens.colorBrandBackground },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

/** The Teams meeting the panel runs in, as teams-js tells it. */
export interface TeamsMeeting {
  readonly chatId?: string;
  readonly meetingId?: string;
}

/**
 * The side panel (cast, chair closes) and the stage (the result as a chart), polled every 5 s,
 * for the Samråd meeting this Teams meeting was scheduled for (the server falls back to the
 * person's next meeting when Samråd scheduled none).
 */
export function MeetingPanel({
  t,
  person,
  stage,
  teams,
}: {
  t: T;
  person: Person;
  stage: boolean;
  teams: TeamsMeeting;
}) {
  const [votes, setVotes] = useState<RoomVote[] | undefined>();
  const [agenda, setAgenda] = useState<RoomAgenda | undefined>();
  const [failed, setFailed] = useState(false);
  const q = new URLSearchParams();
  if (teams.chatId) q.set('chat', teams.chatId);
  if (teams.meetingId) q.set('meeting', teams.meetingId);
  const where = q.size > 0 ? `meeting?${q.toString()}` : 'meeting';
  const load = useCallback(() => {
    api<{ votes: RoomVote[]; agenda: RoomAgenda | null }>(t.locale, where)
      .then((r) => {
        setVotes(r.body?.votes ?? []);
        setAgenda(r.body?.agenda ?? undefined);
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, [t, where]);
  useEffect(() => {
    load();
    const timer = setInterval(load, 5000);
    return () => clearInterval(timer);
  }, [load]);
  const styles = useStyles();
  if (!votes) return failed ? <Problem message={t('tab.error.load')} /> : <Spinner label={t('tab.loading')} />;
  return (
    <section aria-labelledby="meeting-title" className={styles.list}>
      <Title2 as="h1" id="meeting-title">
        {t('tab.meeting.votes')}
      </Title2>
      <Text as="p" block>
        {person.name}
      </Text>
      {failed && <Problem message={t('tab.error.load')} />}
      {!stage && agenda && (
        <MeetingAgenda
          t={t}
          agenda={agenda}
          voting={new Set(votes.filter((v) => v.state === 'open' && v.caseNumber).map((v) => v.caseNumber!))}
          onDone={load}
        />
      )}
      {votes.length === 0 && (
        <Text as="p" block>
          {t('tab.dashboard.no-votes')}
        </Text>
      )}
      {votes.map((v) => (
        <RoomVoteCard key={v.voteId} t={t} vote={v} stage={stage} onDone={load} />
      ))}
    </section>
  );
}

function RoomVoteCard({ t, vote, stage, onDone }: { t: T; vote: RoomVote; stage: boolean; onDone: () => void }) {
  const styles = useStyles();
  const [option, setOption] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const run = async (verb: string, data: Record<string, unknown>) => {
    setBusy(true);
    try {
      setNotice((await act(t.locale, verb, data)).notice);
      onDone();
    } catch {
      setNotice(t('tab.error.load'));
    } finally {
      setBusy(false);
    }
  };
  const shown = vote.options.some((o) => o.count !== undefined);
  const most = Math.max(1, ...vote.options.map((o) => o.count ?? 0));
  const headingId = `vote-${vote.voteId}`;
  return (
    <Card aria-labelledby={headingId}>
      <h2 id={headingId}>{vote.caseNumber ? `${vote.caseNumber} ${vote.title}` : vote.title}</h2>
      <div className={styles.row}>
        <Badge appearance={vote.state === 'open' ? 'filled' : 'outline'}>
          {vote.state === 'open' ? t('tab.kind.vote') : t('tab.meeting.closed')}
        </Badge>
        <Text>{t('tab.meeting.progress', { voted: vote.voted, eligible: vote.eligible })}</Text>
        {vote.outcome && ['adopted', 'rejected', 'no-quorum'].includes(vote.outcome) && (
          <Text weight="semibold">{t(`vote.outcome.${vote.outcome}`)}</Text>
        )}
      </div>
      {shown ? (
        <ul className={styles.bars} aria-label={t('tab.meeting.chart')}>
          {vote.options.map((o) => (
            <li key={o.id} className={styles.bar}>
              <Text>{optionLabel(t, o)}</Text>
              <div className={styles.track} aria-hidden="true">
                <div className={styles.fill} style={{ width: `${((o.count ?? 0) / most) * 100}%` }} />
              </div>
              <Text>{o.count ?? 0}</Text>
            </li>
          ))}
        </ul>
      ) : (
        <Text>{t('tab.meeting.hidden')}</Text>
      )}
      {!stage && vote.castable[0] !== undefined && (
        <>
          <Field label={t('tab.vote.choice')}>
            <RadioGroup value={option} onChange={(_, d) => setOption(d.value)}>
              {vote.options.map((o) => (
                <Radio key={o.id} value={o.id} label={optionLabel(t, o)} />
              ))}
            </RadioGroup>
          </Field>
          <div>
            <Button
              appearance="primary"
              disabled={busy || option === ''}
              onClick={() => void run('vote.cast', { voteId: vote.voteId, option, voterKey: vote.castable[0] })}
            >
              {t('tab.vote.cast')}
            </Button>
          </div>
        </>
      )}
      {!stage && vote.mayClose && (
        <div>
          <Button disabled={busy} onClick={() => void run('vote.close', { voteId: vote.voteId })}>
            {t('tab.meeting.close')}
          </Button>
        </div>
      )}
      <div aria-live="polite">{notice && <Text>{notice}</Text>}</div>
    </Card>
  );
}
