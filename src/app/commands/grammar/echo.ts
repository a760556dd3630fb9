/** How much of what was typed an answer repeats: 100 KB typed must not become a reply over Teams' 28 KB. */
const ECHO_MAX = 80;

export function echo(typed: string): string {
  const chars = [...typed];
  return chars.length > ECHO_MAX ? `${chars.slice(0, ECHO_MAX).join('').trimEnd()} …` : typed;
}
