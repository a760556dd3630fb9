/**
 * The local Teams host (served at /tab-host/ in local mode only): the tab in an iframe, and the
 * host side of teams-js answered here: initialize, getContext with the chosen person, theme
 * changes, getAuthToken with a token the local server signs, and pages.config's save.
 * Tests drive it through the query (?as=respondent&theme=dark&view=dashboard&lang=en; the
 * channel tab takes its body: ?view=channel&body=styret).
 */
interface HostMessage {
  readonly id: number;
  readonly uuidAsString?: string;
  readonly func: string;
  readonly args?: unknown[];
}

const query = new URLSearchParams(window.location.search);
const state = {
  person: query.get('as') ?? 'coordinator',
  theme: query.get('theme') ?? 'default',
  view: query.get('view') ?? 'my-work',
  lang: query.get('lang') ?? 'nb',
  body: query.get('body') ?? '',
  // The Teams meeting's chat thread the side panel and stage run in (?chat=19:meeting_…@thread.v2).
  chat: query.get('chat') ?? '19:meeting_local@thread.v2',
};

const views: Record<string, { path: string; frameContext: string }> = {
  'my-work': { path: '/tab/', frameContext: 'content' },
  dashboard: { path: '/tab/dashboard', frameContext: 'content' },
  config: { path: '/tab/config', frameContext: 'settings' },
  channel: { path: '/tab/channel', frameContext: 'content' },
  'meeting-panel': { path: '/tab/meeting', frameContext: 'meetingSidePanel' },
  'meeting-stage': { path: '/tab/meeting', frameContext: 'meetingStage' },
};

const runtime = {
  apiVersion: 4,
  isLegacyTeams: false,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  supports: {
    app: {},
    appInstallDialog: {},
    pages: { appButton: {}, tabs: {}, config: {}, backStack: {} },
    teams: { fullTrust: {} },
    meeting: {},
    dialog: { url: {} },
  },
};

const frame = document.getElementById('tab') as HTMLIFrameElement;
const saved = document.getElementById('saved') as HTMLElement;
const saveButton = document.getElementById('save') as HTMLButtonElement;
let tenantId = '';
/** The content address the settings page last gave (pages.config.setConfig): Teams opens it after Save. */
let contentUrl: URL | undefined;

function load(): void {
  const view = views[state.view] ?? views['my-work']!;
  frame.src = state.view === 'channel' ? `${view.path}?body=${encodeURIComponent(state.body)}` : view.path;
  // Save is Teams' own button: enabled only while the settings page says its choice is valid.
  saveButton.disabled = state.view === 'config';
  (document.getElementById('view') as HTMLSelectElement).value = state.view;
  const url = new URL(window.location.href);
  for (const [k, v] of Object.entries({ as: state.person, theme: state.theme, view: state.view, lang: state.lang }))
    url.searchParams.set(k, v);
  if (state.view === 'channel') url.searchParams.set('body', state.body);
  else url.searchParams.delete('body');
  history.replaceState(null, '', url);
}

function context(): Record<string, unknown> {
  const view = views[state.view] ?? views['my-work']!;
  return {
    locale: state.lang === 'en' ? 'en-gb' : 'nb-no',
    theme: state.theme,
    frameContext: view.frameContext,
    hostClientType: 'web',
    hostName: 'Teams',
    tid: tenantId,
    entityId: 'samrad',
    appSessionId: 'local',
    ...(view.frameContext.startsWith('meeting') && {
      // As Teams gives them: the meeting id is the chat thread in base64 (`0#<thread>#0`).
      meetingId: btoa(`0#${state.chat}#0`),
      chatId: state.chat,
    }),
  };
}

async function token(): Promise<string> {
  const res = await fetch('/tab-host/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ person: state.person }),
  });
  if (!res.ok) throw new Error(`token ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

function reply(m: HostMessage, args: unknown[]): void {
  frame.contentWindow?.postMessage({ id: m.id, uuidAsString: m.uuidAsString, args }, window.location.origin);
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  // Only the tab's own frame, on this origin, is answered.
  if (event.source !== frame.contentWindow || event.origin !== window.location.origin) return;
  const m = event.data;
  if (!m || typeof m.func !== 'string' || typeof m.id !== 'number') return;
  switch (m.func) {
    case 'initialize':
      return reply(m, [(views[state.view] ?? views['my-work']!).frameContext, 'web', JSON.stringify(runtime), '2.0.0']);
    case 'getContext':
      return reply(m, [context()]);
    case 'authentication.getAuthToken':
      void token().then(
        (t) => reply(m, [true, t]),
        (e: Error) => reply(m, [false, e.message]),
      );
      return;
    case 'settings.setValidityState':
      saveButton.disabled = m.args?.[0] !== true;
      return reply(m, [true]);
    case 'settings.setSettings': {
      const settings = (m.args?.[0] ?? {}) as { contentUrl?: string };
      saved.textContent = JSON.stringify(settings);
      contentUrl = settings.contentUrl ? new URL(settings.contentUrl, window.location.origin) : undefined;
      return reply(m, [true]);
    }
    case 'settings.save.success':
      // As Teams does after a successful save: the tab opens on the content address it chose.
      if (contentUrl?.origin === window.location.origin && contentUrl.pathname === '/tab/channel') {
        state.view = 'channel';
        state.body = contentUrl.searchParams.get('body') ?? '';
        load();
      }
      return;
    default:
      return reply(m, [true]);
  }
});

function select(id: string, key: keyof typeof state, options: readonly [string, string][], onChange: () => void): void {
  const el = document.getElementById(id) as HTMLSelectElement;
  el.replaceChildren(...options.map(([value, label]) => new Option(label, value, false, value === state[key])));
  el.addEventListener('change', () => {
    state[key] = el.value;
    onChange();
  });
}

async function start(): Promise<void> {
  const res = await fetch('/tab-host/people');
  const { people, tenantId: tid } = (await res.json()) as {
    people: { person: string; name: string }[];
    tenantId: string;
  };
  tenantId = tid;
  select(
    'person',
    'person',
    people.map((p) => [p.person, `${p.name} (${p.person})`] as [string, string]),
    load,
  );
  select(
    'view',
    'view',
    Object.keys(views).map((v) => [v, v] as [string, string]),
    load,
  );
  select(
    'lang',
    'lang',
    [
      ['nb', 'norsk bokmål'],
      ['en', 'English'],
    ],
    load,
  );
  // A theme change is told to the running tab, as Teams does, without reloading it.
  select(
    'theme',
    'theme',
    [
      ['default', 'light'],
      ['dark', 'dark'],
      ['contrast', 'high contrast'],
    ],
    () => {
      frame.contentWindow?.postMessage({ func: 'themeChange', args: [state.theme] }, window.location.origin);
    },
  );
  // pages.config: the host asks the tab to save, as Teams' Save button does.
  saveButton.addEventListener('click', () =>
    frame.contentWindow?.postMessage({ func: 'settings.save', args: [{}] }, window.location.origin),
  );
  load();
}

void start();
