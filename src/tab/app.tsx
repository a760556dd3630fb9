import type { Person } from './person';
import {
  Button,
  FluentProvider,
  Spinner,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { api, ApiError } from './api';
import { onThemeChange, type TabContext, type Theme } from './teams';
import { localeFrom, translator, type T } from './texts';
import { MyWork } from './views/my-work';
import { Problem } from './views/problem';
import { ChannelConfig } from './views/channel-config';

// The dashboard is for coordinators only: its code is loaded when it is opened.
const Dashboard = lazy(() => import('./views/dashboard').then((m) => ({ default: m.Dashboard })));
const ChannelTab = lazy(() => import('./views/channel-tab').then((m) => ({ default: m.ChannelTab })));
const MeetingPanel = lazy(() => import('./views/meeting-panel').then((m) => ({ default: m.MeetingPanel })));

const themes = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

const useStyles = makeStyles({
  nav: { display: 'flex', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalM },
  page: {
    minHeight: '100vh',
    padding: tokens.spacingHorizontalL,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

type View = 'my-work' | 'dashboard';

/** Which page the manifest opened: /tab/ (Mitt arbeid), /tab/dashboard, /tab/config, /tab/channel, /tab/meeting. */
const page = (): string => window.location.pathname.replace(/^\/tab\/?/, '').split('/')[0] ?? '';

export function App({ context }: { context: TabContext }) {
  const [theme, setTheme] = useState<Theme>(context.theme);
  const t = useMemo(() => translator(localeFrom(context.locale)), [context.locale]);
  useEffect(() => onThemeChange(setTheme), []);
  useEffect(() => {
    document.documentElement.lang = t.locale === 'nb' ? 'nb' : 'en';
    document.title = t('tab.app-name');
  }, [t]);
  const styles = useStyles();
  return (
    // The page's layout sits inside the provider, not on it: Fluent gives the provider's classes to every
    // portal (applyStylesToPortals), and a tooltip's portal with a page's height covered the whole tab.
    <FluentProvider theme={themes[theme]} data-theme={theme}>
      <div className={styles.page}>
        <Main t={t} context={context} />
      </div>
    </FluentProvider>
  );
}

function Main({ t, context }: { t: T; context: TabContext }) {
  const styles = useStyles();
  const [person, setPerson] = useState<Person | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const where = page();
  const meetingFrame =
    context.frameContext === 'meetingSidePanel' || context.frameContext === 'meetingStage' || where === 'meeting';
  const [view, setView] = useState<View>(where === 'dashboard' ? 'dashboard' : 'my-work');
  useEffect(() => {
    if (where === 'config') return;
    api<Person>(t.locale, 'me')
      .then((r) => setPerson(r.body))
      .catch((e: unknown) =>
        setProblem(
          e instanceof ApiError && e.code === 'unknown-person'
            ? e.message || t('tab.error.unknown-person')
            : e instanceof ApiError && e.status === 401
              ? t('tab.error.sign-in')
              : t('tab.error.load'),
        ),
      );
  }, [t, where]);
  if (where === 'config') return <ChannelConfig t={t} />;
  if (problem) return <Problem message={problem} />;
  if (!person) return <Spinner label={t('tab.loading')} />;
  if (where === 'channel') {
    // The body the configurable tab's settings chose travels in the content address.
    const bodyId = new URLSearchParams(window.location.search).get('body') ?? '';
    return (
      <Suspense fallback={<Spinner label={t('tab.loading')} />}>
        <ChannelTab t={t} bodyId={bodyId} />
      </Suspense>
    );
  }
  if (meetingFrame) {
    return (
      <Suspense fallback={<Spinner label={t('tab.loading')} />}>
        <MeetingPanel
          t={t}
          person={person}
          stage={context.frameContext === 'meetingStage'}
          teams={{
            ...(context.chatId && { chatId: context.chatId }),
            ...(context.meetingId && { meetingId: context.meetingId }),
          }}
        />
      </Suspense>
    );
  }
  const coordinator = person.roles.includes('coordinator');
  return (
    <>
      {coordinator && (
        // Two plain buttons, not a TabList: its focus sentinels are hidden yet focusable, which axe reports.
        <nav aria-label={t('tab.nav.label')} className={styles.nav}>
          {(['my-work', 'dashboard'] as const).map((v) => (
            <Button
              key={v}
              appearance={view === v ? 'primary' : 'subtle'}
              aria-current={view === v ? 'page' : undefined}
              onClick={() => setView(v)}
            >
              {t(`tab.nav.${v}`)}
            </Button>
          ))}
        </nav>
      )}
      <main>
        {view === 'dashboard' && coordinator ? (
          <Suspense fallback={<Spinner label={t('tab.loading')} />}>
            <Dashboard t={t} />
          </Suspense>
        ) : (
          <MyWork t={t} person={person} />
        )}
      </main>
    </>
  );
}
