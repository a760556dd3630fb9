import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { AddressInfo } from 'node:net';
import { CLOSE_AT_DEADLINE, closeAtDeadline } from './app/voting/close-at-deadline';
import type { JobHandler } from './app/scheduling/execute-job';
import { JobRunner } from './app/scheduling/job-runner';
import { JobScheduler } from './app/scheduling/scheduler';
import { OUTBOX, outboxHandler } from './app/scheduling/outbox';
import { TeamsMessenger } from './adapters/teams/teams-messenger';
import { ProactiveSender } from './adapters/teams/proactive-sender';
import { serveIcs } from './adapters/ics/serve-ics';
import { IcsCalendar } from './adapters/ics/ics-calendar.adapter';
import { rememberNotice } from './app/meetings/announce-meeting';
import { meetingJobHandlers } from './app/meetings/meeting-jobs';
import { SignedLinks } from './app/exports/signed-links';
import { downloads } from './adapters/teams/downloads';
import { docxRenderer } from './adapters/docx/docx-renderer';
import { ARCHIVE_DOCUMENT, saveToLibrary } from './app/archive/archive-job';
import type { Timer } from './ports/timer';
import { systemTimer } from './ports/timer';
import { ChatCommands } from './app/answer-chat-message';
import { CardActions } from './app/answer-card-action';
import { votingActions } from './app/voting/vote-actions';
import { meetingActions } from './app/meetings/meeting-actions';
import { inputActions } from './app/input/input-actions';
import { minutesActions } from './app/minutes/minutes-actions';
import { followUpActions } from './app/follow-up/follow-up-actions';
import { FOLLOW_UP_REMIND, followUpReminder } from './app/follow-up/follow-up-reminders';
import { MeetingsFreeBusy } from './app/meetings/meetings-free-busy';
import { timeSuggestionActions } from './app/meetings/time-suggestion-actions';
import { hearingActions } from './app/hearings/hearing-actions';
import type { HearingDeps } from './app/hearings/hearing-jobs';
import { HEARING_DISTRIBUTE, HEARING_REMIND } from './app/hearings/hearing-jobs';
import { distributeHearing } from './app/hearings/distribute-hearing';
import { remindNonResponders } from './app/hearings/remind-non-responders';
import { KeyedLock } from './app/voting/keyed-lock';
import { commandTable } from './app/commands/command-table';
import { OrganisationRegistry } from './app/organisation-registry';
import type { Config } from './config';
import { YamlOrganisationSource } from './adapters/organisation-file/yaml-organisation-source';
import { SqliteStore } from './adapters/sqlite/sqlite-store';
import type { TokenCredential } from '@azure/identity';
import { connectGraph } from './adapters/graph/graph-connection';
import { openSharePointStore } from './adapters/sharepoint/open-sharepoint-store';
import { DriveDocumentLibrary } from './adapters/sharepoint/drive-document-library';
import { FolderDocumentLibrary } from './adapters/local-folder/folder-document-library';
import type { DocumentLibrary } from './ports/document-library';
import { samradVersion } from './version';
import { createCloudAdapter } from './adapters/teams/bot-authentication';
import type { AuthenticationOverrides } from './adapters/teams/bot-authentication';
import { createHttpServer } from './adapters/teams/http-server';
import { SamradBot } from './adapters/teams/samrad-bot';
import { tenantGuard } from './adapters/teams/tenant-guard';
import { turnErrorHandler } from './adapters/teams/turn-errors';
import { Catalogue } from './i18n/catalogue';
import type { Logger } from './log';
import type { Clock } from './ports/clock';
import { systemClock } from './ports/clock';
import type { RecordStore } from './ports/record-store';
import { CardRenderer } from './presentation/card-renderer';

export interface Samrad {
  readonly store: RecordStore;
  /** Where generated DOCX files are saved: the SharePoint library, or a local folder. */
  readonly documents: DocumentLibrary;
  readonly registry: OrganisationRegistry;
  readonly jobs: JobRunner;
  /** Starts listening; resolves to the URL of `/api/messages`. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export interface CompositionOptions {
  readonly log: Logger;
  readonly clock?: Clock;
  readonly store?: RecordStore;
  readonly authentication?: AuthenticationOverrides;
  readonly timer?: Timer;
  /** Signs in to Graph instead of the configured credential (tests against a fake Graph). */
  readonly graphCredential?: TokenCredential;
}

/** With a tenant configured, records and documents live in SharePoint; otherwise SQLite and a folder. */
function storage(config: Config, options: CompositionOptions): { store: RecordStore; documents: DocumentLibrary } {
  const folder = () => new FolderDocumentLibrary(config.documentsDir ?? './data/documents');
  if (!config.graph) return { store: options.store ?? new SqliteStore(config.databaseFile), documents: folder() };
  const graph = connectGraph({
    baseUrl: config.graph.baseUrl,
    credential: config.graph.credential,
    version: samradVersion,
    throttle: { onWait: (wait) => options.log.warn('graph.throttled', wait) },
    ...(options.graphCredential && { tokenCredential: options.graphCredential }),
  });
  return {
    store: options.store ?? openSharePointStore(graph, config.graph.siteId),
    documents: config.graph.documentsDriveId ? new DriveDocumentLibrary(graph.http, config.graph.documentsDriveId) : folder(),
  };
}

/** The composition root: config → adapters → application → server. */
export async function composeSamrad(config: Config, options: CompositionOptions): Promise<Samrad> {
  const { log } = options;
  const clock = options.clock ?? systemClock;
  const registry = await OrganisationRegistry.open(new YamlOrganisationSource(config.organisationFile));
  const { store, documents } = storage(config, options);
  const catalogue = Catalogue.load();
  const cards = new CardRenderer();
  const adapter = createCloudAdapter(config, options.authentication);
  adapter.onTurnError = turnErrorHandler(catalogue, log, config.defaultLocale);
  if (config.bot) adapter.use(tenantGuard(config.bot.tenantId, log));

  let listeningAt = '';
  const links = new SignedLinks(() => config.publicUrl ?? listeningAt, config.linkSecret);
  const voteLock = new KeyedLock();
  const scheduler = new JobScheduler(store, clock);
  const voting = { store, clock, lock: voteLock, scheduler };
  // Without a tenant, free/busy comes from Samråd's own meetings, so `foreslå tid` works on a laptop.
  const freeBusy = new MeetingsFreeBusy({ store, organisation: () => registry.organisation });
  const calendar = new IcsCalendar({ store, clock, baseUrl: () => config.publicUrl ?? listeningAt });
  // One per process: every proactive send and card update is paced by it, in real time.
  const proactive = new ProactiveSender({ clock: systemClock, timer: systemTimer });
  const messenger = new TeamsMessenger(adapter, config.bot?.appId ?? '', store, cards, proactive, clock);
  const hearings: HearingDeps = {
    store,
    clock,
    scheduler,
    messenger,
    organisation: () => registry.organisation,
    translator: (locale) => catalogue.for(locale),
    warn: (event, details) => log.warn(event, details),
  };
  const chat = new ChatCommands(commandTable(), catalogue, { registry, store, clock, voteLock, scheduler, links, freeBusy, hearings });
  const cardActions = new CardActions(
    [
      ...votingActions(voting),
      ...meetingActions({ store, clock, scheduler }),
      ...inputActions({ store, clock }),
      ...timeSuggestionActions(),
      ...minutesActions({ store, clock, links, scheduler }),
      ...followUpActions({ store, clock, links, scheduler }),
      ...hearingActions({ ...hearings, links }),
    ],
    catalogue,
    { registry, store, clock },
  );
  const runner = new JobRunner({
    store,
    clock,
    timer: options.timer ?? systemTimer,
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    handlers: {
      [CLOSE_AT_DEADLINE]: closeAtDeadline({
        ...voting,
        messenger,
        organisation: () => registry.organisation,
        t: catalogue.for(config.defaultLocale),
      }) as JobHandler<never>,
      [OUTBOX]: outboxHandler(messenger, rememberNotice(store)) as JobHandler<never>,
      ...meetingJobHandlers({
        store,
        clock,
        scheduler,
        links,
        calendar,
        messenger,
        organisation: () => registry.organisation,
        t: catalogue.for(config.defaultLocale),
      }),
      [FOLLOW_UP_REMIND]: followUpReminder({ store, scheduler, organisation: () => registry.organisation, t: catalogue.for(config.defaultLocale) }) as JobHandler<never>,
      [HEARING_DISTRIBUTE]: distributeHearing(hearings) as JobHandler<never>,
      [HEARING_REMIND]: remindNonResponders(hearings) as JobHandler<never>,
      [ARCHIVE_DOCUMENT]: saveToLibrary({
        store,
        clock,
        library: documents,
        docx: docxRenderer,
        organisation: () => registry.organisation,
        t: catalogue.for(config.defaultLocale),
      }) as JobHandler<never>,
    },
    // Outbox jobs spend most of their time waiting (Teams' rate limits, HTTP): 8 at once left
    // a fan-out at about 36 messages per second of the 50 Teams allows (npm run bench).
    concurrency: 16,
    logger: log,
  });
  const bot = new SamradBot({
    chat,
    cardActions,
    store,
    registry,
    catalogue,
    cards,
    clock,
    log,
    defaultLocale: config.defaultLocale,
    adapter,
    appId: config.bot?.appId ?? '',
  });
  const server = createHttpServer(adapter, bot, async () => {
    await store.get('conversations', '-healthz-');
    return {
      status: 'ok',
      mode: config.mode,
      municipalities: registry.organisation.municipalities.length,
    };
  }, log, serveIcs(store), downloads({ store, clock, links, registry, catalogue }));

  return {
    store,
    documents,
    registry,
    jobs: runner,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const { port } = server.address() as AddressInfo;
          const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
          listeningAt = `http://${host}:${port}`;
          log.info('server.listening', { mode: config.mode, host: config.host, port });
          runner.start();
          resolve(`http://${host}:${port}/api/messages`);
        });
      }),
    close: async () => {
      await runner.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}
