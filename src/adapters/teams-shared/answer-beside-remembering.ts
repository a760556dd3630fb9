import type { Logger } from '../../log';

/**
 * A card press, answered while its conversation is remembered beside it (both Teams adapters).
 * Knowing the conversation helps later updates, but must never cost the person's action. It is
 * started first, so that it is checked beside the action's own first reads: on SharePoint they
 * share one `$batch`. The answer waits for it, so no store call outlives the turn.
 */
export async function answerBesideRemembering<T>(
  remember: () => Promise<unknown>,
  answer: () => Promise<T>,
  log: Logger,
): Promise<T> {
  const remembered = remember().then(
    () => undefined,
    (error: unknown) =>
      log.warn('conversation.remember-failed', { error: error instanceof Error ? error.message : String(error) }),
  );
  try {
    return await answer();
  } finally {
    await remembered;
  }
}
