import type { IncomingMessage, ServerResponse } from 'node:http';

/** The built tab's files, as the routes and the local host page serve them. */
export interface StaticFiles {
  serve(req: IncomingMessage, res: ServerResponse, mode: 'local' | 'production'): Promise<void>;
  read(name: string): Buffer | undefined;
}
