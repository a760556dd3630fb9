import type { TokenCredential } from '@azure/identity';
import type { GraphConnection } from '../src/adapters/graph/graph-connection';
import type { Config } from '../src/config';

export interface MigrationContext {
  readonly config: Config;
  readonly graph: GraphConnection;
  readonly env: NodeJS.ProcessEnv;
  readonly tokenCredential?: TokenCredential;
  readonly print: (line: string) => void;
}

/** One step of the move: what it would do (read only), and doing it (idempotent). */
export interface MigrationStep {
  readonly name: string;
  plan(c: MigrationContext): Promise<string | undefined>;
  apply(c: MigrationContext): Promise<void>;
}
