import {
  Badge,
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
  tokens,
  Tooltip,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { DashboardMeeting } from '../../app/dashboard/dashboard';
import type { FormChoices } from '../../app/my-work/form-choices';
import type { T } from '../texts';
import { AddAgendaItemForm } from './dashboard-forms';

const useStyles = makeStyles({
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

/** One meeting on the dashboard: its agenda, adding a case, and the "one voice" matrix of its input. */
export function MeetingCard({
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
