import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { WorkItem } from '../../app/my-work/my-work';
import type { T } from '../texts';
import { ErrorLine, useAction } from './use-action';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  decisions: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  case: { fontWeight: tokens.fontWeightSemibold },
});

type Minutes = Extract<WorkItem, { kind: 'minutes' }>;

/** The vedtak the member approves, then the same press as the minutes card's (minutes.approve). */
export function MinutesApproval({ t, item, onDone }: { t: T; item: Minutes; onDone: (notice: string) => void }) {
  const styles = useStyles();
  const { busy, error, run } = useAction(t, onDone);
  const heading = `minutes-decisions-${item.meetingId}`;
  return (
    <div className={styles.form}>
      <Text>
        {t('tab.minutes.about', {
          when: t.dateTime(item.start),
          version: item.version,
          approvals: item.approvals,
          needed: item.needed,
        })}
      </Text>
      <Text id={heading}>{t('tab.minutes.decisions')}</Text>
      <ul className={styles.decisions} aria-labelledby={heading}>
        {item.decisions.map((d) => (
          <li key={d.caseNumber}>
            <span className={styles.case}>
              {t('tab.minutes.case', {
                number: d.caseNumber,
                title: d.minutesApproval ? t('tab.minutes.minutes-approval') : d.title,
              })}
            </span>
            <br />
            {d.decision}
          </li>
        ))}
      </ul>
      <ErrorLine error={error} />
      <div>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => void run('minutes.approve', { meetingId: item.meetingId, revision: item.revision })}
        >
          {t('tab.minutes.approve')}
        </Button>
      </div>
    </div>
  );
}
