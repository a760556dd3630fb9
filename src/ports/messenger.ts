import type { Reply } from './reply';

/**
 * Writing to Teams outside a turn: from a scheduled job, the bot updates a card it
 * posted earlier (a vote's result at its deadline). The Teams adapter implements it
 * from the stored conversation reference.
 */
export interface Messenger {
  update(conversationId: string, activityId: string, reply: Reply): Promise<void>;
}
