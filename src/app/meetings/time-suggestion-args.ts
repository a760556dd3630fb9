import { readNumericDate } from '../../domain/oslo-when';

/** What `foreslå tid <organ> [varighet] [fra dato]` asks for. */
export interface TimeSuggestionArgs {
  readonly body: string;
  readonly durationMinutes: number;
  /** YYYY-MM-DD in Oslo; undefined means from now. */
  readonly from?: string;
}

export const DEFAULT_DURATION_MINUTES = 120;

/**
 * "90" or "90m"/"90 min" is minutes, "2t"/"2h"/"1,5t" hours, "1:30" hours and minutes; a bare
 * number up to 8 is hours ("foreslå tid styret 2"). Undefined when the word is none of these.
 */
export function parseDuration(word: string): number | undefined {
  const w = word.trim().toLowerCase();
  const clock = /^(\d{1,2}):([0-5]\d)$/.exec(w);
  if (clock) return Number(clock[1]) * 60 + Number(clock[2]);
  const m = /^(\d+(?:[.,]\d+)?)(m|min|minutt|minutter|minutes?|t|h|time|timer|hours?)?$/.exec(w);
  if (!m) return undefined;
  const n = Number(m[1]!.replace(',', '.'));
  const unit = m[2] ?? (n <= 8 ? 'h' : 'm');
  return Math.round(/^[th]/.test(unit) ? n * 60 : n);
}

/** "2026-12-01", "1.12.2026", "1.12.26" or "1.12." (the next 1 December from today): the Oslo date reader's. */
export const parseDate = (word: string, today: string): string | undefined => readNumericDate(word, today);
