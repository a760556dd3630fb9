/**
 * A fault the operator fixes before the server can start: its message is one line that names
 * the setting and what to do, and is printed as it is (no stack trace).
 */
export class StartupFault extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StartupFault';
  }
}
