export declare const RAW_FETCH = 'raw fetch';
export declare const RAW_FETCH_AGAIN = 'raw fetch, again';
export declare const RAW_FETCH_SIGNALLED = "raw fetch with an attempt's signal";
export declare function rawFetch(
  orgUrl: string,
  apiToken: string,
  name?: typeof RAW_FETCH | typeof RAW_FETCH_AGAIN,
): { name: string; get(sessionId: string): Promise<unknown> };
export declare function rawFetchWithSignal(orgUrl: string, apiToken: string): { name: string; get(sessionId: string): Promise<unknown> };
