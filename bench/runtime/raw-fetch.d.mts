export declare const RAW_FETCH = 'raw fetch';
export declare const RAW_FETCH_AGAIN = 'raw fetch, again';
export declare function rawFetch(
  orgUrl: string,
  apiToken: string,
  name?: typeof RAW_FETCH | typeof RAW_FETCH_AGAIN,
): { name: string; get(sessionId: string): Promise<unknown> };
