import { z } from 'zod';
import { bodyName, municipalityName } from '../../domain/organisation';
import { card } from '../reply';
import { describeRoles } from './describe-roles';
import { declareCommand } from './grammar/declare-command';

/** Shows a person how the bot sees them: useful when something they expect is missing. */
export const whoamiCommand = declareCommand({
  id: 'whoami',
  audience: ['anyone-registered'],
  args: z.object({}),
  inMenu: false,
  async run({ actor, org, t }) {
    const { member } = actor;
    const seats = member.memberships.map((m) => ({
      text: t.t('whoami.seat', {
        role: t.t(`seat.${m.role}`),
        body: bodyName(org, m.body),
        represents:
          'municipality' in m.represents ? municipalityName(org, m.represents.municipality) : m.represents.party,
      }),
    }));
    const respondent = member.respondentFor.map((r) => ({
      text: t.t(`whoami.respondent.${r.role}`, { municipality: municipalityName(org, r.municipality) }),
    }));
    return [
      card('whoami', {
        title: member.name,
        subtitle: [member.title, member.email].filter(Boolean).join(' · '),
        roles: t.t('whoami.roles', { roles: describeRoles(actor.roles, t) }),
        lines: [...seats, ...respondent],
      }),
    ];
  },
});
