/** One request to the fake Graph, after the version prefix (`/v1.0`) is taken off the path. */
export interface FakeGraphRequest {
  readonly method: string;
  /** For example `/users/organiser@contoso.no/events/AAMk1`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export interface FakeGraphResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** A set of Graph routes; `undefined` means "not mine". */
export interface FakeGraphRoutes {
  handle(request: FakeGraphRequest): FakeGraphResponse | undefined;
}
