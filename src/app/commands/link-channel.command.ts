import { findBody } from '../../domain/organisation';
import { upsert } from '../../ports/record-store';
import { audit } from '../audit';
import type { BodyChannel } from '../meetings/announcement-records';
import { BODY_CHANNELS } from '../meetings/announcement-records';
import { text } from '../reply';
import type { Command } from './command';

/**
 * `knytt kanal styret`, written in a channel: that channel becomes the body's, where its
 * meeting notices are posted and kept up to date, and where input summaries are posted.
 */
export const linkChannelCommand: Command = {
  id: 'link-channel',
  audience: ['coordinator'],
  takesArgument: true,
  inMenu: false,
  async run({ actor, org, t, args, conversation }, { store, clock }) {
    if (conversation.kind !== 'channel') return [text(t.t('channel.only-in-channel'))];
    const body = findBody(org, args.trim());
    if (!body) return [text(t.t('channel.which-body', { usage: t.t('command.link-channel.usage') }))];
    const now = clock.now().toISOString();
    await upsert<BodyChannel>(store, BODY_CHANNELS, body.id, () => ({ bodyId: body.id, conversationId: conversation.id, linkedBy: actor.member.id, at: now }));
    await audit(store, { kind: 'body.channel-linked', memberId: actor.member.id, at: now, details: { bodyId: body.id, conversationId: conversation.id } });
    return [text(t.t('channel.linked', { body: body.name }))];
  },
};
