import type { Actor } from '../identify-actor';

/** The person the tab acts for: always a registered member (guests and strangers get no tab). */
export type TabActor = Extract<Actor, { kind: 'member' }>;
