import { extendHearing } from '../hearings/change-hearing';
import { refreshPostedCard } from '../hearings/answer-hearing';
import { hearingFromArgs } from '../hearings/hearing-args';
import { readDeadline } from '../hearings/hearing-form';
import { formatDateTime } from '../../i18n/dates';
import { text } from '../reply';
import type { Command } from './command';

/** `forleng høring <id> 2026-12-15 [9:00]` (any date the Oslo reader takes): a later internal deadline; everyone is told. */
export const extendHearingCommand: Command = {
  id: 'extend-hearing',
  audience: ['coordinator'],
  takesArgument: true,
  inMenu: false,
  async run({ actor, t, args }, { store, hearings, clock }) {
    const found = await hearingFromArgs(store, t, args, 'extend-hearing');
    if ('reply' in found) return [found.reply];
    const to = readDeadline(found.rest, clock.now());
    if (!to.ok || !to.value) return [text(t.t('error.HEARING.BAD_DEADLINE'))];
    const extended = await extendHearing(hearings, found.hearing.id, actor.member.id, to.value);
    if (!extended.ok) return [text(t.t(`error.${extended.error.code}`, extended.error.params as Record<string, string>))];
    await refreshPostedCard(hearings, found.hearing.id);
    return [text(t.t('hearing.extended', { title: extended.value.title, deadline: formatDateTime(new Date(extended.value.internalDeadline), t.locale), id: extended.value.id }))];
  },
};
