import {
  Button,
  Card,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
} from '@fluentui/react-components';
import type { HearingTrack } from '../../app/dashboard/dashboard';
import type { T } from '../texts';

const useStyles = makeStyles({ scroll: { overflowX: 'auto' } });

/** The hearing tracker: deadlines, the reminders sent and to come, each municipality's status. */
export function HearingCard({ t, hearing: h, onCompile }: { t: T; hearing: HearingTrack; onCompile: () => void }) {
  const styles = useStyles();
  const reminders = h.reminders.map((r) =>
    t(r.sent ? 'tab.dashboard.reminder-sent' : 'tab.dashboard.reminder-planned', { when: t.dateTime(r.at) }),
  );
  return (
    <Card>
      <h3>{h.title}</h3>
      <Text>
        {t('tab.dashboard.hearing-deadlines', {
          internal: t.dateTime(h.internalDeadline),
          external: t.dateTime(h.externalDeadline),
          days: h.reminderDaysBefore.join(', '),
        })}
      </Text>
      <Text>
        {reminders.length
          ? t('tab.dashboard.reminders', { list: reminders.join(', ') })
          : t('tab.dashboard.no-reminders')}
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
        <Button onClick={onCompile}>{t('tab.dashboard.compile')}</Button>
      </div>
    </Card>
  );
}
