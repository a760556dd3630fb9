import type { Middleware, TurnContext } from '@microsoft/agents-hosting';
import { INVOKE_RESPONSE_KEY } from '@microsoft/agents-hosting';
import type { Logger } from '../../log';

/** The tenant an activity comes from, wherever Teams put it. */
export function tenantOf(context: TurnContext): string | undefined {
  const a = context.activity;
  return a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

/** Serves only the configured tenant (guests arrive with the host tenant's id), as adapters/teams. */
export function tenantGuard(tenantId: string, log: Logger): Middleware {
  const wanted = tenantId.toLowerCase();
  return {
    async onTurn(context: TurnContext, next: () => Promise<void>) {
      const tenant = tenantOf(context)?.toLowerCase();
      if (tenant === wanted) return next();
      log.warn('tenant.refused', { tenant: tenant ?? '(none)', activityType: context.activity.type });
      if (context.activity.type === 'invoke') {
        context.turnState.set(INVOKE_RESPONSE_KEY, { type: 'invokeResponse', value: { status: 403 } });
      }
    },
  };
}
