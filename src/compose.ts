import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { JobRunner } from './app/scheduling/job-runner';
import { JobScheduler } from './app/scheduling/scheduler';
import type { SentMessage } from './app/scheduling/outbox';
import { rememberInputCard } from './app/input/live-input-cards';
import { SchedulerHealth } from './app/scheduling/scheduler-health';
import { scheduleRetention } from './app/scheduling/retention';
import { scheduleBoardCheck } from './app/board/board-check';
import { scheduleNextFeeReminder } from './app/cooperation/fee-reminder';
import { backfillReminders } from './app/projects/reminder-backfill';
import { tellCoordinators } from './app/scheduling/incident-alerts';
import { ProactiveSender } from './adapters/teams/proactive-sender';
import { SHARED_ARRIVAL_GUARD_MS } from './adapters/teams/teams-rate-limits';
import { serveIcs } from './adapters/ics/serve-ics';
import { rememberNotice } from './app/meetings/send-meeting-notice';
import { SignedLinks } from './app/exports/signed-links';
import { downloads, fileTexts } from './adapters/teams/downloads';
import type { Timer } from './ports/timer';
import { systemTimer } from './ports/timer';
import { ChoiceSearch } from './app/search-choices';
import { ChatCommands } from './app/answer-chat-message';
import { CardActions } from './app/answer-card-action';
import { cardActionTable } from './app/card-action-table';
import { SealedBallotBoxes } from './app/voting/sealed-ballot-boxes';
import type { HearingDeps } from './app/hearings/hearing-jobs';
import { KeyedLock } from './app/voting/keyed-lock';
import { commandTable } from './app/commands/command-table';
import { OrganisationRegistry } from './app/organisation-registry';
import type { Config } from './config';
import { tenantDomainsOf } from './config';
import { tenantServices } from './tenant-services';
import { YamlOrganisationSource } from './adapters/organisation-file/yaml-organisation-source';
import type { TokenCredential } from '@azure/identity';
import type { DocumentLibrary } from './ports/document-library';
import type { SigningKeyOptions } from './adapters/signing-keys/signing-keys';
import { createHttpServer } from './adapters/teams/http-server';
import { teamsSide } from './compose-teams';
import { Catalogue } from './i18n/catalogue';
import type { Logger } from './log';
import type { Clock } from './ports/clock';
import { systemClock } from './ports/clock';
import type { RecordStore } from './ports/record-store';
import { CardRenderer } from './presentation/card-renderer';
import { ProjectingStore } from './app/projection/projecting-store';
import { join } from 'node:path';
import { packageRoot } from './package-root';
import { docxRenderer } from './adapters/docx/docx-renderer';
import { annualPlanFile } from './adapters/ics/annual-plan-file';
import { jobHandlers } from './compose-jobs';
import { TabService } from './app/my-work/tab-service';
import { mountTab } from './adapters/tab-api/tab-routes';
import { tabIdentity } from './adapters/tab-api/tab-identity';

export interface Samrad {
  readonly store: RecordStore;
  /** Where generated DOCX files are saved: the SharePoint library, or a local folder. */
  readonly documents: DocumentLibrary;
  readonly registry: OrganisationRegistry;
  readonly jobs: JobRunner;
  /** Whether the scheduler can run (what /healthz reports of it). */
  readonly schedulerHealth: SchedulerHealth;
  /** Starts listening; resolves to the URL of `/api/messages`. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export interface CompositionOptions {
  readonly log: Logger;
  readonly clock?: Clock;
  readonly store?: RecordStore;
  /** Tunes the fetch of Microsoft's signing keys (tests: a short timeout); the addresses stay the SDK's. */
  readonly signingKeys?: SigningKeyOptions;
  readonly timer?: Timer;
  /** Signs in to Graph instead of the configured credential (tests against a fake Graph). */
  readonly graphCredential?: TokenCredential;
}

/** The composition root: config → adapters → application → server. */
export async function composeSamrad(config: Config, options: CompositionOptions): Promise<Samrad> {
  const { log } = options;
  const clock = options.clock ?? systemClock;
  const registry = await OrganisationRegistry.open(new YamlOrganisationSource(config.organisationFile));
  const tenant = await tenantServices(config, options);
  const { documents } = tenant;
  const sealed = config.ballotKey ? new SealedBallotBoxes(tenant.store, config.ballotKey) : tenant.store;
  const catalogue = Catalogue.load();
  // The results as typed SharePoint lists: every write to a record they show asks for its projection.
  const resultLists = tenant.resultListsFor?.(catalogue.for(config.defaultLocale));
  const store = resultLists ? new ProjectingStore(sealed, clock, (event, details) => log.warn(event, details)) : sealed;
  // Without the key a copy of the data, or SharePoint's version history, may pair voters with choices.
  if (config.mode === 'production' && !config.ballotKey)
    log.warn('ballot-boxes.unsealed', { setting: 'SAMRAD_BALLOT_KEY', see: 'docs/voting-rules.md' });
  const cards = new CardRenderer(undefined, catalogue);

  let listeningAt = '';
  const links = new SignedLinks(() => config.publicUrl ?? listeningAt, config.linkSecret);
  if (config.mode === 'production' && !config.linkSecret)
    log.warn('links.secret-per-process', { setting: 'SAMRAD_LINK_SECRET' });
  const voteLock = new KeyedLock();
  const scheduler = new JobScheduler(store, clock);
  const voting = { store, clock, lock: voteLock, scheduler };
  const { calendar, freeBusy } = tenant.calendarFor({
    store,
    clock,
    registry,
    publicUrl: () => config.publicUrl ?? listeningAt,
    links,
  });
  // One per process: every proactive send and card update is paced by it, in real time.
  // With Table Storage (several instances) its windows are every instance's together.
  const proactive = new ProactiveSender({
    clock: systemClock,
    timer: systemTimer,
    ...(config.teamsTenantRate && { tenantPerSecond: config.teamsTenantRate }),
    ...(tenant.teamsBudget && { shared: tenant.teamsBudget, guardMs: SHARED_ARRIVAL_GUARD_MS }),
  });
  const teams = teamsSide(config, options.signingKeys, catalogue, log, { store, cards, proactive, clock });
  const { messenger } = teams;
  const hearings: HearingDeps = {
    store,
    clock,
    scheduler,
    messenger,
    organisation: () => registry.organisation,
    translator: (locale) => catalogue.for(locale),
    warn: (event, details) => log.warn(event, details),
  };
  const tenantDomains = tenantDomainsOf(config);
  if (tenantDomains.length === 0) log.warn('identity.guests-by-address-off', { setting: 'SAMRAD_TENANT_DOMAINS' });
  const chat = new ChatCommands(commandTable(), catalogue, {
    registry,
    store,
    clock,
    voteLock,
    scheduler,
    links,
    freeBusy,
    hearings,
    tenantDomains,
  });
  const actionList = cardActionTable({ voting, scheduler, links, hearings });
  const cardActions = new CardActions(actionList, catalogue, { registry, store, clock, tenantDomains });
  // When the scheduler's passes keep failing: /healthz says so, and the coordinators are told
  // directly (the outbox is what is down), once when it starts and once when it is over.
  const schedulerHealth = new SchedulerHealth({
    clock,
    logger: log,
    tell: tellCoordinators({
      store,
      sender: messenger,
      organisation: () => registry.organisation,
      t: catalogue.for(config.defaultLocale),
      logger: log,
    }),
  });
  const notices = { store, clock, organisation: () => registry.organisation, t: catalogue.for(config.defaultLocale) };
  // Where the notice and each input card were posted, so that later changes update them in place.
  const [noticeSent, inputCardSent] = [rememberNotice(store), rememberInputCard(store)];
  const afterSent = async (sent: SentMessage) => {
    await noticeSent(sent);
    await inputCardSent(sent);
  };
  const runner = new JobRunner({
    store,
    clock,
    ...(config.jobLeaseMs !== undefined && { leaseMs: config.jobLeaseMs }),
    health: schedulerHealth,
    timer: options.timer ?? systemTimer,
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    handlers: jobHandlers({
      config,
      store,
      sealed,
      clock,
      voting,
      messenger,
      registry,
      catalogue,
      afterSent,
      notices,
      scheduler,
      links,
      calendar,
      hearings,
      documents,
      resultLists,
      log,
      ...(tenant.orphans && { orphans: tenant.orphans }),
    }),
    // Outbox jobs spend most of their time waiting (Teams' rate limits, HTTP): 8 at once left
    // a fan-out at about 36 messages per second of the 50 Teams allows (npm run bench).
    concurrency: 16,
    logger: log,
  });
  // A job due sooner than the next poll (a coalesced card update) is run when due.
  scheduler.onScheduled((dueAt) => runner.expect(dueAt));
  const messages = teams.endpoint({
    choices: new ChoiceSearch({ registry, store, clock, tenantDomains }),
    chat,
    cardActions,
    store,
    registry,
    catalogue,
    cards,
    clock,
    log,
    defaultLocale: config.defaultLocale,
  });
  const server = createHttpServer(
    messages,
    async () => {
      await store.get('conversations', '-healthz-');
      const scheduler = schedulerHealth.readiness();
      return {
        status: scheduler.ready ? 'ok' : 'degraded',
        mode: config.mode,
        municipalities: registry.organisation.municipalities.length,
        ...(!scheduler.ready && { scheduler }),
      };
    },
    log,
    serveIcs(store, { links, clock, texts: fileTexts(catalogue.for(config.defaultLocale)) }),
    downloads({ store, clock, links, registry, catalogue, makers: { docx: docxRenderer, annualPlanFile } }),
  );
  // The tab (docs/tab.md): the same card actions and commands, behind the SSO token.
  mountTab(server, {
    service: new TabService(actionList, commandTable(), catalogue, {
      registry,
      store,
      clock,
      voteLock,
      scheduler,
      links,
      freeBusy,
      hearings,
      tenantDomains,
    }),
    ...tabIdentity(config, options.signingKeys, clock),
    mode: config.mode,
    staticDir: join(packageRoot, 'dist', 'tab'),
    log,
    clock,
  });

  return {
    store,
    documents,
    registry,
    jobs: runner,
    schedulerHealth,
    listen: async () => {
      // Today's retention run; each run schedules the next day's. A store not answering now is
      // not a reason to refuse to start: the next start schedules it.
      await scheduleRetention(scheduler, clock).catch((e: unknown) =>
        log.warn('retention.not-scheduled', { error: e instanceof Error ? e.message : String(e) }),
      );
      await scheduleBoardCheck(scheduler, clock).catch((e: unknown) =>
        log.warn('board.check-not-scheduled', { error: e instanceof Error ? e.message : String(e) }),
      );
      await scheduleNextFeeReminder(scheduler, registry.organisation, clock).catch((e: unknown) =>
        log.warn('fees.reminder-not-scheduled', { error: e instanceof Error ? e.message : String(e) }),
      );
      // Once per store: reminders for the file's milestones and for records older than reminders.
      await backfillReminders(store, scheduler, registry.organisation, clock).catch((e: unknown) =>
        log.warn('business.reminders-not-scheduled', { error: e instanceof Error ? e.message : String(e) }),
      );
      return new Promise<string>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const { port } = server.address();
          const host = config.host === '0.0.0.0' ? 'localhost' : config.host;
          listeningAt = `http://${host}:${port}`;
          log.info('server.listening', {
            mode: config.mode,
            host: config.host,
            port,
            teamsSdk: config.teamsSdk ?? 'botframework',
          });
          runner.start();
          resolve(`http://${host}:${port}/api/messages`);
        });
      });
    },
    close: async () => {
      await runner.stop();
      await schedulerHealth.settled();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      await store.close();
    },
  };
}
