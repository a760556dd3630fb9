import { Card, Spinner, Text, Title2 } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import type { WorkItem } from '../../app/my-work/my-work';
import { api } from '../api';
import type { Person } from '../app';
import type { T } from '../texts';
import { VoteForm } from './my-work';
import { Problem } from './problem';

/** The meeting side panel and stage: the votes this person can cast now, polled while the meeting runs. */
export function MeetingPanel({ t, person }: { t: T; person: Person; stage: boolean }) {
  const [votes, setVotes] = useState<Extract<WorkItem, { kind: 'vote' }>[] | undefined>();
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => {
    api<{ items: WorkItem[] }>(t.locale, 'my-work')
      .then((r) => setVotes((r.body?.items ?? []).filter((i): i is Extract<WorkItem, { kind: 'vote' }> => i.kind === 'vote')))
      .catch(() => setFailed(true));
  }, [t]);
  useEffect(() => {
    load();
    const timer = setInterval(load, 5000);
    return () => clearInterval(timer);
  }, [load]);
  if (failed) return <Problem message={t('tab.error.load')} />;
  if (!votes) return <Spinner label={t('tab.loading')} />;
  return (
    <section aria-labelledby="meeting-title">
      <Title2 as="h1" id="meeting-title">
        {t('tab.kind.vote')}
      </Title2>
      <Text as="p">{person.name}</Text>
      {votes.length === 0 ? (
        <Text as="p">{t('tab.dashboard.no-votes')}</Text>
      ) : (
        votes.map((v) => (
          <Card key={v.key}>
            <h2>{t('tab.vote.heading', { title: v.title })}</h2>
            <VoteForm t={t} item={v} onDone={load} />
          </Card>
        ))
      )}
    </section>
  );
}
