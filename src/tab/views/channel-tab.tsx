import {
  Badge,
  Card,
  Field,
  Input,
  Link,
  makeStyles,
  Spinner,
  Text,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { BodyDecision, BodyDocument, BodyMeeting, BodyTab } from '../../app/body-tab/body-tab';
import { api, ApiError } from '../api';
import type { T } from '../texts';
import { Problem } from './problem';

/** Typing pauses this long before the register is searched again. */
const SEARCH_PAUSE_MS = 250;

const useStyles = makeStyles({
  grid: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  list: {
    margin: 0,
    paddingLeft: 0,
    listStyleType: 'none',
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  decision: { whiteSpace: 'pre-wrap' },
});

/** The channel tab of one body: its meetings, its decision register (searchable) and its documents. */
export function ChannelTab({ t, bodyId }: { t: T; bodyId: string }) {
  const [view, setView] = useState<BodyTab | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  // The first view comes at once; a search waits for a pause in the typing.
  const loaded = useRef(false);
  useEffect(() => {
    if (!bodyId) {
      setProblem(t('tab.channel.not-set'));
      return;
    }
    let current = true;
    const timer = setTimeout(
      () =>
        void api<BodyTab>(t.locale, `bodies/${encodeURIComponent(bodyId)}?q=${encodeURIComponent(search)}`)
          .then((r) => {
            loaded.current = true;
            if (current) setView(r.body);
          })
          .catch((e: unknown) =>
            setProblem(t(e instanceof ApiError && e.status === 404 ? 'tab.channel.not-found' : 'tab.error.load')),
          ),
      loaded.current ? SEARCH_PAUSE_MS : 0,
    );
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [t, bodyId, search]);
  const styles = useStyles();
  if (problem) return <Problem message={problem} />;
  if (!view) return <Spinner label={t('tab.loading')} />;
  return (
    <main className={styles.grid}>
      <Title2 as="h1">{t('tab.channel.title', { body: view.name })}</Title2>
      <section aria-labelledby="meetings">
        <Title3 as="h2" id="meetings">
          {t('tab.channel.meetings')}
        </Title3>
        <Meetings t={t} heading={t('tab.channel.upcoming')} empty={t('tab.channel.no-upcoming')} list={view.upcoming} />
        <Meetings t={t} heading={t('tab.channel.earlier')} empty={t('tab.channel.no-earlier')} list={view.earlier} />
      </section>
      <section aria-labelledby="decisions">
        <Title3 as="h2" id="decisions">
          {t('tab.channel.decisions')}
        </Title3>
        <div role="search">
          <Field label={t('tab.channel.search')} hint={t('tab.channel.search-hint')}>
            <Input type="search" value={search} onChange={(_e, data) => setSearch(data.value)} />
          </Field>
        </div>
        <Text as="p" block aria-live="polite">
          {view.decisions.found === 0
            ? search.trim()
              ? t('tab.channel.none-found', { query: search.trim() })
              : t('tab.channel.none')
            : t('tab.channel.found', { found: view.decisions.found, shown: view.decisions.entries.length })}
        </Text>
        <ul className={styles.list}>
          {view.decisions.entries.map((d) => (
            <Decision key={`${d.meetingId}:${d.caseNumber}`} t={t} decision={d} />
          ))}
        </ul>
      </section>
      <section aria-labelledby="documents">
        <Title3 as="h2" id="documents">
          {t('tab.channel.documents')}
        </Title3>
        {view.documents.length === 0 ? (
          <Text as="p" block>
            {t('tab.channel.no-documents')}
          </Text>
        ) : (
          <ul className={styles.list}>
            {view.documents.map((d) => (
              <li key={d.url}>
                <Link href={d.url} target="_blank" rel="noreferrer">
                  {documentTitle(t, d)}
                </Link>{' '}
                <Text>{t('tab.channel.document-meeting', { title: d.meetingTitle, date: t.date(d.start) })}</Text>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

const documentTitle = (t: T, d: BodyDocument): string =>
  d.kind === 'case'
    ? t('tab.channel.document.case', { number: d.caseNumber ?? '', title: d.title })
    : t(`tab.channel.document.${d.kind}`);

function Meetings({ t, heading, empty, list }: { t: T; heading: string; empty: string; list: readonly BodyMeeting[] }) {
  const styles = useStyles();
  return (
    <>
      <Text as="h3" weight="semibold" block>
        {heading}
      </Text>
      {list.length === 0 ? (
        <Text as="p" block>
          {empty}
        </Text>
      ) : (
        <ul className={styles.list}>
          {list.map((m) => (
            <li key={m.meetingId} className={styles.line}>
              <Text>{t('tab.channel.meeting', { title: m.title, when: t.dateTime(m.start) })}</Text>
              <Badge appearance="outline" color={m.state === 'cancelled' ? 'danger' : 'informative'}>
                {t(`tab.channel.state.${m.state}`)}
              </Badge>
              <Text>{t('tab.channel.cases', { count: m.cases })}</Text>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Decision({ t, decision: d }: { t: T; decision: BodyDecision }) {
  const styles = useStyles();
  const overdue = d.followUp.state === 'overdue';
  return (
    <li>
      <Card>
        <Text as="h3" weight="semibold" block>
          {t('tab.channel.case', { number: d.caseNumber, title: d.title || t('decisions.minutes-approval') })}
        </Text>
        <Text block>{t('tab.channel.decided', { date: t.date(d.date) })}</Text>
        <Text block className={styles.decision}>
          {d.decision}
        </Text>
        <div className={styles.line}>
          <Badge appearance="tint" color={d.approved ? 'success' : 'warning'}>
            {t(d.approved ? 'decisions.minutes.approved' : 'decisions.minutes.draft')}
          </Badge>
          <Badge appearance="tint" color={overdue ? 'danger' : d.followUp.state === 'done' ? 'success' : 'informative'}>
            {t(`decisions.follow-up.${d.followUp.state}`, d.followUp)}
          </Badge>
        </div>
      </Card>
    </li>
  );
}
