// Where use cases report what happened: an event name with fields, at a level.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = Record<LogLevel, (event: string, fields?: Record<string, unknown>) => void>;

/** For tests and tools that want no output. */
export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
