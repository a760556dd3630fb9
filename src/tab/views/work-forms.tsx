import { Button, Field, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { WorkItem } from '../../app/my-work/my-work';
import type { T } from '../texts';
import { ErrorLine, useAction } from './use-action';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

type Of<K extends WorkItem['kind']> = Extract<WorkItem, { kind: K }>;
/** What each item's form in Mitt arbeid gets: the item, and what to do with the action's notice. */
export type FormProps<K extends WorkItem['kind']> = { t: T; item: Of<K>; onDone: (notice: string) => void };

export function optionLabel(t: T, option: { id: string; label?: string }): string {
  return option.label ?? t(`vote.option.${option.id}`);
}

export function VoteForm({ t, item, onDone }: FormProps<'vote'>) {
  const styles = useStyles();
  const [option, setOption] = useState('');
  const { busy, error, run } = useAction(t, onDone);
  return (
    <div className={styles.form}>
      {item.voterLabel && <Text>{t('tab.vote.for', { voter: item.voterLabel })}</Text>}
      {item.secret && <Text>{t('tab.vote.secret')}</Text>}
      <Field label={t('tab.vote.choice')}>
        <RadioGroup value={option} onChange={(_, d) => setOption(d.value)}>
          {item.options.map((o) => (
            <Radio key={o.id} value={o.id} label={optionLabel(t, o)} />
          ))}
        </RadioGroup>
      </Field>
      <ErrorLine error={error} />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={busy || option === ''}
          onClick={() => void run('vote.cast', { voteId: item.voteId, option, voterKey: item.voterKey })}
        >
          {t('tab.vote.cast')}
        </Button>
      </div>
    </div>
  );
}

export function FollowUpForm({ t, item, onDone }: FormProps<'follow-up'>) {
  const styles = useStyles();
  const { busy, error, run } = useAction(t, onDone);
  return (
    <div className={styles.form}>
      <Text>{item.body}</Text>
      <ErrorLine error={error} />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={() => void run('follow-up.done', { taskId: item.taskId })}
        >
          {t('tab.follow-up.done')}
        </Button>
      </div>
    </div>
  );
}
