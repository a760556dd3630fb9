import { describe, expect, it } from 'vitest';
import { answerBesideRemembering } from '../../../src/adapters/teams-shared/answer-beside-remembering';
import { createLogger } from '../../../src/log';

const logged = () => {
  const lines: string[] = [];
  return { lines, log: createLogger('debug', (line) => lines.push(line)) };
};

describe('a card press answered beside remembering its conversation (both Teams adapters)', () => {
  it('starts remembering before the answer, so their first reads go out together', async () => {
    const order: string[] = [];
    const { log } = logged();
    const answer = await answerBesideRemembering(
      async () => order.push('remember'),
      async () => {
        order.push('answer');
        return 'svar';
      },
      log,
    );
    expect(answer).toBe('svar');
    expect(order).toEqual(['remember', 'answer']);
  });

  it('a failed remember costs nothing: the answer comes, and the failure is a warning', async () => {
    const { lines, log } = logged();
    const answer = await answerBesideRemembering(
      async () => Promise.reject(new Error('store busy')),
      async () => 'svar',
      log,
    );
    expect(answer).toBe('svar');
    expect(lines.filter((l) => l.includes('conversation.remember-failed') && l.includes('store busy'))).toHaveLength(1);
  });

  it('answers only once remembering is over, also when the answer fails', async () => {
    let release = () => {};
    const slow = () => new Promise<void>((resolve) => (release = resolve));
    const { log } = logged();
    let settled = false;
    const answered = answerBesideRemembering(slow, async () => 'svar', log).then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 10));
    expect(settled).toBe(false);
    release();
    await answered;
    expect(settled).toBe(true);

    let remembered = false;
    const failing = answerBesideRemembering(
      async () => {
        await new Promise((r) => setTimeout(r, 10));
        remembered = true;
      },
      async () => Promise.reject(new Error('action failed')),
      log,
    );
    await expect(failing).rejects.toThrow('action failed');
    expect(remembered).toBe(true);
  });
});
