/**
 * A line a card shows about what just happened. Its tone decides the colour, so a success never
 * looks like a refusal: `good` for done, `warning` for done-but-mind-this, `attention` for refused.
 */
export type Tone = 'good' | 'warning' | 'attention';

export interface Notice {
  readonly text: string;
  readonly tone: Tone;
}

export const success = (text: string): Notice => ({ text, tone: 'good' });
export const warning = (text: string): Notice => ({ text, tone: 'warning' });
export const refusal = (text: string): Notice => ({ text, tone: 'attention' });

const colours: Readonly<Record<Tone, string>> = { good: 'Good', warning: 'Warning', attention: 'Attention' };

/**
 * What a card template reads: `notice` (text, '' for none) and `noticeColor` (an Adaptive Card
 * TextBlock colour). A bare string is a refusal: the older callers only ever passed those.
 */
export function noticeFields(notice: Notice | string | undefined): { notice: string; noticeColor: string } {
  const n = typeof notice === 'string' ? refusal(notice) : (notice ?? refusal(''));
  return { notice: n.text, noticeColor: colours[n.tone] };
}
