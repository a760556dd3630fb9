import { Button, Card, makeStyles, Text, Title3, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { RoomAgenda, RoomCase } from '../../app/my-work/meeting-agenda';
import { act } from '../api';
import type { T } from '../texts';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

const order = ['support', 'support-with-changes', 'against', 'no-view'] as const;

/** What the municipalities said on a case, in one line: "2 Støtter, 1 Mot · 3 har ikke svart". */
function inputLine(t: T, c: RoomCase): string {
  if (!c.input) return t('tab.meeting.no-input');
  const given = order
    .filter((p) => (c.input!.counts[p] ?? 0) > 0)
    .map((p) => `${c.input!.counts[p]} ${t(`input.position.${p}`)}`)
    .join(', ');
  return [given || t('tab.meeting.no-answers'), t('tab.meeting.not-answered', { count: c.input.notAnswered })].join(
    ' · ',
  );
}

/**
 * The side panel's agenda: each case with its input summary; the chair (or a coordinator) opens
 * the vote on a case with the card's own `vote.open`, which checks again who may.
 */
export function MeetingAgenda({
  t,
  agenda,
  voting,
  onDone,
}: {
  t: T;
  agenda: RoomAgenda;
  /** Case numbers with a vote running now: no second vote is offered on them. */
  voting: ReadonlySet<string>;
  onDone: () => void;
}) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const open = async (c: RoomCase) => {
    setBusy(true);
    try {
      const outcome = await act(t.locale, 'vote.open', { case: c.ref, title: '', body: '' });
      setNotice(outcome.ok ? t('tab.meeting.vote-opened', { title: c.title }) : outcome.notice);
      onDone();
    } catch {
      setNotice(t('tab.error.load'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card aria-labelledby="meeting-agenda">
      <Title3 as="h2" id="meeting-agenda">
        {t('tab.meeting.agenda', { body: agenda.body, title: agenda.title, when: t.dateTime(agenda.start) })}
      </Title3>
      {agenda.found === 'next' && <Text block>{t('tab.meeting.next-meeting')}</Text>}
      {agenda.cases.length === 0 ? (
        <Text>{t('tab.dashboard.no-cases')}</Text>
      ) : (
        <ol className={styles.list}>
          {agenda.cases.map((c) => (
            <li key={c.ref}>
              <Text weight="semibold">
                {c.caseNumber} {c.title}
              </Text>
              <div className={styles.row}>
                <Text>{inputLine(t, c)}</Text>
                {agenda.mayOpenVote && c.status === 'open' && !voting.has(c.caseNumber) && (
                  <Button size="small" disabled={busy} onClick={() => void open(c)}>
                    {t('tab.meeting.open-vote', { number: c.caseNumber })}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      <div aria-live="polite">{notice && <Text>{notice}</Text>}</div>
    </Card>
  );
}
