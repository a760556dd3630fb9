import type { Reply } from '../ports/reply';

// The type lives with the messenger port that sends it; use cases build replies here.
export type { Reply } from '../ports/reply';

export const text = (value: string): Reply => ({ kind: 'text', text: value });
export const card = (name: string, data: object): Reply => ({ kind: 'card', card: name, data });
