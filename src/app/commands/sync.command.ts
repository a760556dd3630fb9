import { z } from 'zod';
import { audit } from '../audit';
import { card, text } from '../reply';
import { compareRoster } from '../compare-roster';
import { declareCommand } from './grammar/declare-command';

/** Compares the team's roster with the organisation and links the people it can match. */
export const syncCommand = declareCommand({
  id: 'sync',
  audience: ['coordinator'],
  args: z.object({}),
  inMenu: false,
  async run({ actor, org, t }, { roster: findRoster, store, clock, tenantDomains }) {
    const roster = await findRoster?.();
    if (!roster) return [text(t.t('sync.no-team'))];
    const report = await compareRoster(org, store, roster, tenantDomains);
    await audit(store, {
      kind: 'roster.synchronised',
      memberId: actor.member.id,
      at: clock.now().toISOString(),
      details: {
        linked: report.linked.length,
        missing: report.notInTeam.length,
        unknown: report.notInOrganisation.length,
      },
    });
    const names = (list: readonly { name: string }[]) => list.map((p) => ({ name: p.name }));
    return [
      card('sync-report', {
        title: t.t('sync.title'),
        summary: t.t('sync.summary', { team: report.teamSize, matched: report.matched }),
        sections: [
          { heading: t.t('sync.linked', { count: report.linked.length }), people: names(report.linked) },
          { heading: t.t('sync.not-in-team', { count: report.notInTeam.length }), people: names(report.notInTeam) },
          {
            heading: t.t('sync.not-in-organisation', { count: report.notInOrganisation.length }),
            people: names(report.notInOrganisation),
          },
        ],
      }),
    ];
  },
});
