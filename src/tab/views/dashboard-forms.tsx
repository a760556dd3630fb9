import {
  Button,
  Card,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { FormChoices } from '../../app/my-work/form-choices';
import { act } from '../api';
import type { T } from '../texts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '40rem' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  fieldset: { border: 'none', margin: 0, padding: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

type Values = Record<string, string>;

/**
 * One card action sent as a form: the card's own fields, so the same action and rules run as
 * from the bot's card. A refusal keeps everything typed and puts the message beside the field
 * it is about; the idempotency key stays until the form succeeds, so a retried press counts once.
 */
function useActionForm(t: T, verb: string, initial: Values, onDone: (notice: string) => void) {
  const [values, setValues] = useState<Values>(initial);
  const [refusal, setRefusal] = useState<{ field?: string; notice: string } | undefined>();
  const [busy, setBusy] = useState(false);
  const actionId = useRef(crypto.randomUUID());
  const set = (name: string) => (value: string) => setValues((v) => ({ ...v, [name]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const outcome = await act(t.locale, verb, values, actionId.current);
      if (!outcome.ok) return setRefusal({ notice: outcome.notice, ...(outcome.field && { field: outcome.field }) });
      actionId.current = crypto.randomUUID();
      setRefusal(undefined);
      setValues(initial);
      onDone(t(`tab.form.done.${verb}`));
    } catch {
      setRefusal({ notice: t('tab.error.load') });
    } finally {
      setBusy(false);
    }
  };
  /** The field's props: its value and, when the refusal is about it, the message beside it. */
  const field = (name: string): { validationState: 'error' | 'none'; validationMessage?: string } =>
    refusal?.field === name
      ? { validationState: 'error', validationMessage: refusal.notice }
      : { validationState: 'none' };
  const general = refusal && !refusal.field ? refusal.notice : undefined;
  return { values, set, submit, field, general, busy };
}

function FormCard({
  t,
  heading,
  headingId,
  general,
  busy,
  submitLabel,
  onSubmit,
  onCancel,
  children,
}: {
  t: T;
  heading: string;
  headingId: string;
  general: string | undefined;
  busy: boolean;
  submitLabel: string;
  onSubmit: (e: FormEvent) => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <Card>
      <form className={styles.form} aria-labelledby={headingId} onSubmit={onSubmit} noValidate>
        <h3 id={headingId}>{heading}</h3>
        <div aria-live="polite">
          {general && (
            <MessageBar intent="error">
              <MessageBarBody>{general}</MessageBarBody>
            </MessageBar>
          )}
        </div>
        {children}
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={busy}>
            {submitLabel}
          </Button>
          <Button type="button" onClick={onCancel}>
            {t('tab.form.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

interface FormProps {
  t: T;
  choices: FormChoices;
  onDone: (notice: string) => void;
  onCancel: () => void;
}

/** `meeting.create`, as the bot's "nytt møte" card. */
export function PlanMeetingForm({ t, choices, onDone, onCancel }: FormProps) {
  const styles = useStyles();
  const f = useActionForm(
    t,
    'meeting.create',
    {
      body: choices.bodies[0]?.id ?? '',
      title: '',
      date: '',
      startTime: '',
      endTime: '',
      place: '',
      online: 'true',
      notes: '',
    },
    onDone,
  );
  return (
    <FormCard
      t={t}
      heading={t('meeting.form.heading')}
      headingId="plan-meeting"
      general={f.general}
      busy={f.busy}
      submitLabel={t('meeting.form.create')}
      onSubmit={(e) => void f.submit(e)}
      onCancel={onCancel}
    >
      <Field label={t('meeting.form.body')} required {...f.field('body')}>
        <Select value={f.values.body} onChange={(_, d) => f.set('body')(d.value)}>
          {choices.bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('meeting.form.title')} required {...f.field('title')}>
        <Input value={f.values.title} maxLength={200} onChange={(_, d) => f.set('title')(d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={t('meeting.form.date')} required {...f.field('date')}>
          <Input type="date" value={f.values.date} onChange={(_, d) => f.set('date')(d.value)} />
        </Field>
        <Field label={t('meeting.form.start')} required {...f.field('startTime')}>
          <Input type="time" value={f.values.startTime} onChange={(_, d) => f.set('startTime')(d.value)} />
        </Field>
        <Field label={t('meeting.form.end')} required {...f.field('endTime')}>
          <Input type="time" value={f.values.endTime} onChange={(_, d) => f.set('endTime')(d.value)} />
        </Field>
      </div>
      <Field label={t('meeting.form.place')} {...f.field('place')}>
        <Input value={f.values.place} maxLength={300} onChange={(_, d) => f.set('place')(d.value)} />
      </Field>
      <Checkbox
        label={t('meeting.form.online')}
        checked={f.values.online === 'true'}
        onChange={(_, d) => f.set('online')(d.checked ? 'true' : 'false')}
      />
      <Field label={t('meeting.form.notes')} {...f.field('notes')}>
        <Textarea value={f.values.notes} maxLength={2000} onChange={(_, d) => f.set('notes')(d.value)} />
      </Field>
    </FormCard>
  );
}

/** `agenda.add` for one meeting, as the bot's "ny sak" card. */
export function AddAgendaItemForm({
  t,
  choices,
  meetingId,
  bodyId,
  onDone,
  onCancel,
}: FormProps & { meetingId: string; bodyId: string }) {
  const f = useActionForm(
    t,
    'agenda.add',
    { meetingId, title: '', background: '', proposal: '', inMeeting: 'false', documents: '', responsible: '' },
    onDone,
  );
  const people = choices.bodies.find((b) => b.id === bodyId)?.people ?? [];
  const id = `add-case-${meetingId}`;
  return (
    <FormCard
      t={t}
      heading={t('tab.dashboard.add-case')}
      headingId={id}
      general={f.general}
      busy={f.busy}
      submitLabel={t('agenda.form.add')}
      onSubmit={(e) => void f.submit(e)}
      onCancel={onCancel}
    >
      <Field label={t('agenda.form.title')} required {...f.field('title')}>
        <Input value={f.values.title} maxLength={200} onChange={(_, d) => f.set('title')(d.value)} />
      </Field>
      <Field label={t('agenda.form.background')} {...f.field('background')}>
        <Textarea value={f.values.background} onChange={(_, d) => f.set('background')(d.value)} />
      </Field>
      <Field label={t('agenda.form.proposal')} {...f.field('proposal')}>
        <Textarea value={f.values.proposal} onChange={(_, d) => f.set('proposal')(d.value)} />
      </Field>
      <Checkbox
        label={t('agenda.form.inMeeting')}
        checked={f.values.inMeeting === 'true'}
        onChange={(_, d) => f.set('inMeeting')(d.checked ? 'true' : 'false')}
      />
      <Field label={t('agenda.form.documents')} {...f.field('documents')}>
        <Textarea value={f.values.documents} onChange={(_, d) => f.set('documents')(d.value)} />
      </Field>
      <Field label={t('agenda.form.responsible')} {...f.field('responsible')}>
        <Select value={f.values.responsible} onChange={(_, d) => f.set('responsible')(d.value)}>
          <option value="">{t('tab.form.nobody')}</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
    </FormCard>
  );
}

/** `hearing.register`, as the bot's "ny høring" card. No municipality ticked means all of them, as there. */
export function RegisterHearingForm({ t, choices, onDone, onCancel }: FormProps) {
  const styles = useStyles();
  const f = useActionForm(
    t,
    'hearing.register',
    {
      title: '',
      issuer: '',
      externalDeadline: '',
      internalDeadline: '',
      documents: '',
      questions: '',
      municipalities: '',
      background: '',
      reminders: '5, 2, 0',
    },
    onDone,
  );
  const chosen = new Set(f.values.municipalities!.split(',').filter(Boolean));
  const toggle = (number: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(number);
    else next.delete(number);
    f.set('municipalities')(
      choices.municipalities
        .map((m) => m.number)
        .filter((n) => next.has(n))
        .join(','),
    );
  };
  const text = (name: string, multiline = false, required = false, hint?: string) => (
    <Field label={t(`hearing.form.${name}`)} required={required} {...(hint && { hint })} {...f.field(name)}>
      {multiline ? (
        <Textarea value={f.values[name]} onChange={(_, d) => f.set(name)(d.value)} />
      ) : (
        <Input value={f.values[name]} onChange={(_, d) => f.set(name)(d.value)} />
      )}
    </Field>
  );
  const municipalities = f.field('municipalities');
  return (
    <FormCard
      t={t}
      heading={t('hearing.form.heading')}
      headingId="register-hearing"
      general={f.general}
      busy={f.busy}
      submitLabel={t('hearing.form.register')}
      onSubmit={(e) => void f.submit(e)}
      onCancel={onCancel}
    >
      {text('title', false, true)}
      {text('issuer', false, true)}
      {text('externalDeadline', false, true, t('hearing.form.deadlineHint'))}
      {text('internalDeadline', false, false, t('hearing.form.internalHint'))}
      {text('documents', true)}
      {text('questions', true)}
      {/* Several boxes under one label: a fieldset and its legend, the refusal beside them. */}
      <fieldset className={styles.fieldset} aria-describedby="hearing-municipalities-hint">
        <legend>{t('hearing.form.municipalities')}</legend>
        <Text id="hearing-municipalities-hint" size={200}>
          {t('hearing.form.municipalitiesHint')}
        </Text>
        <div className={styles.row}>
          {choices.municipalities.map((m) => (
            <Checkbox
              key={m.number}
              label={m.name}
              checked={chosen.has(m.number)}
              onChange={(_, d) => toggle(m.number, d.checked === true)}
            />
          ))}
        </div>
        {municipalities.validationMessage && (
          <Text role="alert" className={styles.error}>
            {municipalities.validationMessage}
          </Text>
        )}
      </fieldset>
      {text('background', true)}
      {text('reminders')}
    </FormCard>
  );
}
