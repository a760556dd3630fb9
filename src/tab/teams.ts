import { app, authentication, pages } from '@microsoft/teams-js';

export type Theme = 'default' | 'dark' | 'contrast';

export interface TabContext {
  readonly locale?: string;
  readonly theme: Theme;
  readonly frameContext?: string;
  readonly channelId?: string;
  readonly meetingId?: string;
  /** In a meeting's side panel and stage: the meeting's chat thread (19:meeting_…@thread.v2). */
  readonly chatId?: string;
  readonly subPageId?: string;
}

/** Local mode: the host page is this server itself, so its origin must be trusted by teams-js. */
const localMode = (): boolean => document.documentElement.dataset.mode === 'local';

export async function startTeams(): Promise<TabContext> {
  await app.initialize(localMode() ? [window.location.origin] : undefined);
  const context = await app.getContext();
  app.notifySuccess();
  return {
    ...(context.app.locale && { locale: context.app.locale }),
    theme: toTheme(context.app.theme),
    ...(context.page.frameContext && { frameContext: context.page.frameContext }),
    ...(context.channel?.id && { channelId: context.channel.id }),
    ...(context.meeting?.id && { meetingId: context.meeting.id }),
    ...(context.chat?.id && { chatId: context.chat.id }),
    ...(context.page.subPageId && { subPageId: context.page.subPageId }),
  };
}

export const onThemeChange = (handler: (theme: Theme) => void): void =>
  app.registerOnThemeChangeHandler((t) => handler(toTheme(t)));

const toTheme = (t: string | undefined): Theme => (t === 'dark' ? 'dark' : t === 'contrast' ? 'contrast' : 'default');

/** The SSO token for the app's own API; teams-js caches and refreshes it. */
export const ssoToken = (): Promise<string> => authentication.getAuthToken();

/**
 * The configurable tab's settings page: which body the channel tab shows. Until one is chosen
 * Teams' Save stays disabled; the body travels in the content address (`/tab/channel?body=…`).
 */
export function configureTab(
  settings:
    { readonly contentUrl: string; readonly entityId: string; readonly suggestedDisplayName: string } | undefined,
): void {
  if (settings) {
    pages.config.registerOnSaveHandler((save) => {
      void pages.config.setConfig({ ...settings, websiteUrl: settings.contentUrl }).then(
        () => save.notifySuccess(),
        (e: Error) => save.notifyFailure(e.message),
      );
    });
  }
  pages.config.setValidityState(settings !== undefined);
}
