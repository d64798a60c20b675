/** What the server answers to one request, before it is written: every handler returns one. */
export interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}
