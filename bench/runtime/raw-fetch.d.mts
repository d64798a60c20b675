export declare const RAW_FETCH = 'raw fetch';
export declare function rawFetch(orgUrl: string, apiToken: string): { name: typeof RAW_FETCH; get(sessionId: string): Promise<unknown> };
