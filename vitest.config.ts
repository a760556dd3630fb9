import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { test: { name: 'contract', include: ['tests/contract/**/*.test.ts'] } },
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], testTimeout: 20_000 } },
      // The same suite on the Microsoft 365 Agents SDK, the Bot Framework SDK's successor (issue 14 part 7).
      {
        test: {
          name: 'integration-agents',
          include: ['tests/integration/**/*.test.ts'],
          // Its respondents' chats are seeded as the Bot Framework SDK stores them, so on this SDK each
          // first press rewrites that chat once (docs/agents-sdk.md): it counts the default SDK's requests.
          exclude: ['tests/integration/sharepoint/hearing-graph-requests.test.ts'],
          testTimeout: 20_000,
          env: { SAMRAD_TEAMS_SDK: 'agents' },
        },
      },
      // Requests as an attacker would send them, against the running bot (issue 17, part 10).
      { test: { name: 'hostile', include: ['tests/hostile/**/*.test.ts'], testTimeout: 30_000 } },
      {
        test: {
          // The artefact that ships: `npm run build` once, then `node dist/src/main.js` spawned.
          name: 'artefact',
          include: ['tests/artefact/**/*.test.ts'],
          globalSetup: ['tests/artefact/build.global.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // One playground and one browser at a time: the machine has two cores.
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
    ],
  },
});
