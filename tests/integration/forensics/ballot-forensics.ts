/**
 * The attacker's tools: find every version of a secret ballot box in raw bytes or in a list
 * item's version history, and pair voters with choices by diffing those versions.
 */

export interface BoxVersion {
  readonly voters: readonly string[];
  readonly choices: Readonly<Record<string, number>>;
}

/** Every distinct version of the vote's secret box whose JSON text lies anywhere in the bytes. */
export function boxVersionsInBytes(bytes: Buffer, voteId: string): BoxVersion[] {
  return boxVersionsInText(bytes.toString('latin1'), voteId);
}

export function boxVersionsInText(text: string, voteId: string): BoxVersion[] {
  const pattern = new RegExp(
    `\\{"secrecy":"secret","voteId":"${voteId}","participation":\\[(.*?)\\],"choices":(\\{[^}]*\\})`,
    'g',
  );
  const seen = new Map<string, BoxVersion>();
  for (const m of text.matchAll(pattern)) {
    const voters = [...m[1]!.matchAll(/"voterKey":"([^"]+)"/g)].map((v) => v[1]!);
    let choices: Record<string, number>;
    try {
      choices = JSON.parse(m[2]!) as Record<string, number>;
    } catch {
      continue; // a torn fragment
    }
    seen.set(JSON.stringify([voters, choices]), { voters, choices });
  }
  return [...seen.values()];
}

/**
 * Copies of the box's opening bytes that are not followed by a whole version: a torn or
 * partly overwritten old version left in freed space. Copies of the current version (a page
 * written again for a neighbouring record) are whole, and are not counted.
 */
export function tornBoxFragments(bytes: Buffer, voteId: string): number {
  const text = bytes.toString('latin1');
  const opening = `"voteId":"${voteId}","participation":[`;
  const whole = new RegExp(
    `\\{"secrecy":"secret","voteId":"${voteId}","participation":\\[(.*?)\\],"choices":(\\{[^}]*\\})`,
    'g',
  );
  return text.split(opening).length - 1 - [...text.matchAll(whole)].length;
}

/**
 * Diffs every pair of versions: where one version has exactly one voter more than another
 * and exactly one count one higher, that voter made that choice. Returns voter → choice.
 */
export function pairVotersWithChoices(versions: readonly BoxVersion[]): Map<string, string> {
  const paired = new Map<string, string>();
  for (const before of versions)
    for (const after of versions) {
      const added = after.voters.filter((v) => !before.voters.includes(v));
      if (added.length !== 1 || !before.voters.every((v) => after.voters.includes(v))) continue;
      const options = new Set([...Object.keys(before.choices), ...Object.keys(after.choices)]);
      const grown = [...options].filter((o) => (after.choices[o] ?? 0) - (before.choices[o] ?? 0) === 1);
      const same = [...options].filter((o) => (after.choices[o] ?? 0) === (before.choices[o] ?? 0));
      if (grown.length === 1 && same.length === options.size - 1) paired.set(added[0]!, grown[0]!);
    }
  return paired;
}
