// `npm run bench -- …`: what to run (the flags are listed at the top of bench/run.ts).
/** The figure: the server's memory after 20,000 turns. */
export const LONG_TURNS = 20_000;

export interface Options {
  readonly rounds: number;
  /** More chat turns after the rounds, before memory is read again: 0 without --long. */
  readonly longTurns: number;
  readonly workflows: boolean;
  readonly slowStore: boolean;
  /** Three years of records on the fake Graph, then the everyday workflows (bench/three-years). */
  readonly threeYears: boolean;
  readonly build: boolean;
  readonly coldStarts: number;
  readonly chatRequests: number;
}

/** The command line; unknown flags are refused rather than ignored, so a typo does not run the wrong bench. */
export function parseOptions(argv: readonly string[]): Options {
  const options = {
    rounds: 5,
    longTurns: 0,
    workflows: true,
    slowStore: false,
    threeYears: false,
    build: true,
    coldStarts: 5,
    chatRequests: 500,
  };
  const number = (flag: string, value: string | undefined, min: number): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`${flag} needs a whole number of at least ${min}, got ${value ?? 'nothing'}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--rounds') options.rounds = number(flag, argv[++i], 1);
    else if (flag === '--cold-starts') options.coldStarts = number(flag, argv[++i], 0);
    else if (flag === '--requests') options.chatRequests = number(flag, argv[++i], 64);
    else if (flag === '--long') options.longTurns = LONG_TURNS;
    else if (flag === '--long-turns') options.longTurns = number(flag, argv[++i], 64);
    else if (flag === '--no-workflows') options.workflows = false;
    else if (flag === '--slow-store') options.slowStore = true;
    else if (flag === '--three-years') options.threeYears = true;
    else if (flag === '--no-build') options.build = false;
    else throw new Error(`unknown option ${flag}; see the top of bench/run.ts`);
  }
  return options;
}
