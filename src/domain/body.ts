import { foldText } from './fold-text';
import type { TimeOffset } from './oslo-time';

/** A body that meets and decides: the board, OSU, an LSU, the mayors' meeting, ... */
export type BodyKind = 'board' | 'osu' | 'lsu' | 'mayors-meeting' | 'dialogue-meeting' | 'other';

export interface Body {
  readonly id: string;
  readonly name: string;
  readonly kind: BodyKind;
  /** Other names people use for it in commands ("styret", "OSU", ...). */
  readonly aliases: readonly string[];
  readonly area?: string;
  /** When the municipal side meets before this body's meetings (formøte); none if it does not. */
  readonly preMeeting?: { readonly offset: TimeOffset; readonly durationMinutes: number };
}

/** Case- and accent-insensitive comparison, so "osu" finds "OSU" and "lsu baerum" finds "LSU Bærum". */
export function bodyAnswersTo(body: Body, name: string): boolean {
  const wanted = foldText(name);
  return [body.id, body.name, ...body.aliases].some((n) => foldText(n) === wanted);
}
