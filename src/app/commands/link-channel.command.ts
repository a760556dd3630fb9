import { z } from 'zod';
import { findBody } from '../../domain/organisation';
import { upsert } from '../../ports/record-store';
import { audit } from '../audit';
import type { BodyChannel } from '../meetings/announcement-records';
import { BODY_CHANNELS, SECRETARIAT_CHANNEL } from '../meetings/announcement-records';
import { foldText } from '../../domain/fold-text';
import { text } from '../reply';
import { channelRoot } from '../remember-conversation';
import { declareCommand } from './grammar/declare-command';
import { arg } from './grammar/args';

/**
 * `knytt kanal styret`, written in a channel: that channel becomes the body's, where its
 * meeting notices are posted and kept up to date, and where input summaries are posted.
 * `knytt kanal sekretariatet` makes it the secretariat's, where hearing notices go.
 */
export const linkChannelCommand = declareCommand({
  id: 'link-channel',
  audience: ['coordinator'],
  args: z.object({ body: arg.bodyOptional() }),
  inMenu: false,
  async run({ actor, org, t, input, conversation }, { store, clock }) {
    if (conversation.kind !== 'channel') return [text(t.t('channel.only-in-channel'))];
    const args = input.body ?? '';
    const secretariat = t
      .t('channel.secretariat-words')
      .split('|')
      .some((w) => foldText(w) === foldText(args));
    const body = secretariat ? undefined : findBody(org, args.trim());
    if (!secretariat && !body) return [text(t.t('channel.which-body', { usage: t.t('command.link-channel.usage') }))];
    const bodyId = body?.id ?? SECRETARIAT_CHANNEL;
    const now = clock.now().toISOString();
    // The channel, not the thread `knytt kanal` was typed in: notices are new posts where people look.
    const conversationId = channelRoot(conversation.id);
    await upsert<BodyChannel>(store, BODY_CHANNELS, bodyId, () => ({
      bodyId,
      conversationId,
      linkedBy: actor.member.id,
      at: now,
    }));
    await audit(store, {
      kind: 'body.channel-linked',
      memberId: actor.member.id,
      at: now,
      details: { bodyId, conversationId },
    });
    return [text(secretariat ? t.t('channel.linked-secretariat') : t.t('channel.linked', { body: body!.name }))];
  },
});
