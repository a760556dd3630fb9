import type { Logger } from '../../log';
import type { InvokeResponseKey, Turn } from './turn';

/** The tenant an activity comes from, wherever Teams put it. */
export function tenantOf(context: Pick<Turn, 'activity'>): string | undefined {
  const a = context.activity;
  return a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

/** Whether an activity comes from the configured tenant (ids compared without case). */
export function fromTenant(activity: Turn['activity'], tenantId: string): boolean {
  return tenantOf({ activity })?.toLowerCase() === tenantId.toLowerCase();
}

/**
 * Serves only the configured tenant, as middleware on either SDK. Guests from municipalities'
 * own tenants arrive with the host tenant's id, so they pass; another organisation's install does not.
 */
export function tenantGuard(tenantId: string, log: Logger, invokeResponseKey: InvokeResponseKey) {
  return {
    async onTurn(context: Turn, next: () => Promise<void>): Promise<void> {
      if (fromTenant(context.activity, tenantId)) return next();
      log.warn('tenant.refused', { tenant: tenantOf(context) ?? '(none)', activityType: context.activity.type });
      if (context.activity.type === 'invoke') {
        context.turnState.set(invokeResponseKey, { type: 'invokeResponse', value: { status: 403 } });
      }
    },
  };
}
