/** One JSON line per event. Never pass tokens, headers or message text here. */
import type { Logger, LogLevel } from './ports/logger';

export { silentLogger, type Logger, type LogLevel } from './ports/logger';

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stdout.write(l + '\n'),
): Logger {
  const at =
    (l: LogLevel) =>
    (event: string, fields: Record<string, unknown> = {}) => {
      if (rank[l] < rank[level]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level: l, event, ...fields }));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
