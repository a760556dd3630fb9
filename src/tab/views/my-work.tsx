import {
  Badge,
  Button,
  Card,
  CardHeader,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Textarea,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useId, useState } from 'react';
import type { WorkItem } from '../../app/my-work/my-work';
import { api } from '../api';
import type { Person } from '../person';
import type { T } from '../texts';
import { Problem } from './problem';
import { MinutesApproval } from './minutes-approval';
import { ErrorLine, useAction } from './use-action';
import { FollowUpForm, VoteForm, type FormProps } from './work-forms';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    listStyleType: 'none',
    padding: 0,
    margin: 0,
  },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  meta: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
});

const inputPositions = ['support', 'support-with-changes', 'against', 'no-view'];
const hearingPositions = ['agree', 'agree-with-remarks', 'disagree', 'no-comment'];

/** "Mitt arbeid": everything waiting for this person, soonest first, each done where it is shown. */
export function MyWork({ t, person }: { t: T; person: Person }) {
  const [items, setItems] = useState<WorkItem[] | undefined>();
  const [failed, setFailed] = useState(false);
  const [notice, setNotice] = useState('');
  const load = useCallback(() => {
    api<{ items: WorkItem[] }>(t.locale, 'my-work')
      .then((r) => {
        setItems(r.body?.items ?? []);
        setFailed(false);
      })
      .catch(() => setFailed(true));
  }, [t]);
  useEffect(load, [load]);
  const done = (message: string) => {
    setNotice(message);
    load();
  };
  const styles = useStyles();
  if (failed) return <Problem message={t('tab.error.load')} />;
  if (!items) return <Spinner label={t('tab.loading')} />;
  return (
    <section aria-labelledby="my-work-title">
      <Title2 as="h1" id="my-work-title">
        {t('tab.my-work.title')}
      </Title2>
      <Text as="p" block>
        {person.name}
      </Text>
      <div aria-live="polite">
        {notice && (
          <MessageBar intent="info">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {items.length === 0 ? (
        <Text as="p" block>
          {t('tab.my-work.empty')}
        </Text>
      ) : (
        <>
          <Text as="p" block>
            {t('tab.my-work.count', { count: items.length })}
          </Text>
          <ul className={styles.list}>
            {items.map((item) => (
              <li key={item.key}>
                <WorkCard t={t} item={item} onDone={done} />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function heading(t: T, item: WorkItem): string {
  switch (item.kind) {
    case 'input':
      return t('tab.input.heading', { municipality: item.municipalityName, title: item.title });
    case 'hearing':
      return t('tab.hearing.heading', { municipality: item.municipalityName, title: item.title });
    case 'vote':
      return t('tab.vote.heading', { title: item.caseNumber ? `${item.caseNumber} ${item.title}` : item.title });
    case 'follow-up':
      return t('tab.follow-up.heading', { number: item.caseNumber, description: item.description });
    case 'minutes':
      return t('tab.minutes.heading', { body: item.body, title: item.title });
  }
}

function WorkCard({ t, item, onDone }: { t: T; item: WorkItem; onDone: (notice: string) => void }) {
  const [open, setOpen] = useState(false);
  const styles = useStyles();
  const formId = useId();
  const due =
    item.kind === 'minutes' || !item.due
      ? undefined
      : item.kind === 'follow-up'
        ? t.date(item.due)
        : t.dateTime(item.due);
  return (
    <Card>
      <CardHeader
        header={<h2 className={styles.heading}>{heading(t, item)}</h2>}
        description={
          <div className={styles.meta}>
            <Badge appearance="tint" color={item.kind === 'vote' ? 'important' : 'brand'}>
              {t(`tab.kind.${item.kind}`)}
            </Badge>
            <Text>{due ? t('tab.due', { when: due }) : t('tab.no-due')}</Text>
            {item.kind === 'follow-up' && item.overdue && (
              <Badge appearance="filled" color="danger">
                {t('tab.overdue')}
              </Badge>
            )}
            {(item.kind === 'input' || item.kind === 'hearing') && item.status === 'draft' && (
              <Badge appearance="outline">{t('tab.draft-saved')}</Badge>
            )}
          </div>
        }
        action={
          <Button aria-expanded={open} aria-controls={formId} onClick={() => setOpen(!open)}>
            {open ? t('tab.close') : t('tab.open')}
          </Button>
        }
      />
      {open && (
        <div id={formId}>
          {item.kind === 'input' && <InputForm t={t} item={item} onDone={onDone} />}
          {item.kind === 'hearing' && <HearingForm t={t} item={item} onDone={onDone} />}
          {item.kind === 'vote' && <VoteForm t={t} item={item} onDone={onDone} />}
          {item.kind === 'follow-up' && <FollowUpForm t={t} item={item} onDone={onDone} />}
          {item.kind === 'minutes' && <MinutesApproval t={t} item={item} onDone={onDone} />}
        </div>
      )}
    </Card>
  );
}

function InputForm({ t, item, onDone }: FormProps<'input'>) {
  const styles = useStyles();
  const [positions, setPositions] = useState<string[]>(item.cases.map((c) => c.position ?? ''));
  const [texts, setTexts] = useState(item.cases.map((c) => c.text));
  const { busy, error, run } = useAction(t, onDone);
  // The same fields the input card sends (input-actions.ts), against the agenda version shown.
  const data = () => ({
    meetingId: item.meetingId,
    version: item.meetingVersion,
    municipality: item.municipality,
    ...Object.fromEntries(positions.map((p, i) => [`position-${i}`, p])),
    ...Object.fromEntries(texts.map((x, i) => [`text-${i}`, x])),
  });
  return (
    <div className={styles.form}>
      {item.cases.map((c, i) => (
        <fieldset key={c.caseNumber}>
          <legend>{t('tab.input.case', { number: c.caseNumber, title: c.title })}</legend>
          <Field label={t('tab.input.position')}>
            <RadioGroup
              layout="horizontal"
              value={positions[i] ?? ''}
              onChange={(_, d) => setPositions(positions.map((p, n) => (n === i ? d.value : p)))}
            >
              {inputPositions.map((p) => (
                <Radio key={p} value={p} label={t(`input.position.${p}`)} />
              ))}
            </RadioGroup>
          </Field>
          <Field label={t('tab.input.text')}>
            <Textarea
              value={texts[i] ?? ''}
              maxLength={2000}
              onChange={(_, d) => setTexts(texts.map((x, n) => (n === i ? d.value : x)))}
            />
          </Field>
        </fieldset>
      ))}
      <ErrorLine error={error} />
      <div className={styles.actions}>
        <Button disabled={busy} onClick={() => void run('input.save', data())}>
          {t('tab.save')}
        </Button>
        <Button appearance="primary" disabled={busy} onClick={() => void run('input.submit', data())}>
          {t('tab.submit')}
        </Button>
      </div>
    </div>
  );
}

function HearingForm({ t, item, onDone }: FormProps<'hearing'>) {
  const styles = useStyles();
  const [position, setPosition] = useState<string>(item.position ?? '');
  const [answers, setAnswers] = useState(item.questions.map((q) => q.answer));
  const [text, setText] = useState(item.text);
  const { busy, error, run } = useAction(t, onDone);
  // The fields of the hearing card (answer-hearing.ts).
  const data = () => ({
    hearingId: item.hearingId,
    version: item.hearingVersion,
    municipality: item.municipality,
    position,
    text,
    links: '',
    ...Object.fromEntries(answers.map((a, n) => [`answer-${n}`, a])),
  });
  return (
    <div className={styles.form}>
      <Text>{t('tab.hearing.issuer', { issuer: item.issuer })}</Text>
      <Field label={t('tab.hearing.position')}>
        <RadioGroup layout="horizontal" value={position} onChange={(_, d) => setPosition(d.value)}>
          {hearingPositions.map((p) => (
            <Radio key={p} value={p} label={t(`hearing.position.${p}`)} />
          ))}
        </RadioGroup>
      </Field>
      {item.questions.map((q, n) => (
        <Field key={q.id} label={q.text}>
          <Textarea
            value={answers[n] ?? ''}
            onChange={(_, d) => setAnswers(answers.map((a, i) => (i === n ? d.value : a)))}
          />
        </Field>
      ))}
      <Field label={t('tab.hearing.text')}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} />
      </Field>
      <ErrorLine error={error} />
      <div className={styles.actions}>
        <Button disabled={busy} onClick={() => void run('hearing.save', data())}>
          {t('tab.save')}
        </Button>
        <Button appearance="primary" disabled={busy} onClick={() => void run('hearing.submit', data())}>
          {t('tab.submit')}
        </Button>
      </div>
    </div>
  );
}
