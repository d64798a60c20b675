import { oktaId } from './ids.js';

/** Okta's error summaries for the codes the server answers with; `{0}` takes the detail. */
const ERROR_SUMMARIES: Record<string, string> = {
  E0000001: 'Api validation failed: {0}',
  E0000003: 'The request body was not well-formed.',
  E0000004: 'Authentication failed',
  E0000005: 'Invalid session',
  E0000006: 'You do not have permission to perform the requested action',
  E0000007: 'Not found: {0}',
  E0000009: 'Internal Server Error',
  E0000011: 'Invalid token provided',
  E0000022: 'The endpoint does not support the provided HTTP method',
  E0000047: 'API call exceeded rate limit due to too many requests.',
  // The System Log's refusals of a filter: the summary is the reason itself.
  E0000053: '{0}',
};

/** The code Okta sends with each status when nothing more specific applies. */
const CODE_BY_STATUS: Record<number, string> = {
  400: 'E0000003',
  401: 'E0000011',
  403: 'E0000006',
  404: 'E0000007',
  405: 'E0000022',
  429: 'E0000047',
};

export interface OktaErrorObject {
  errorCode: string;
  errorSummary: string;
  errorLink: string;
  errorId: string;
  errorCauses: { errorSummary: string }[];
}

/** An Okta error object, as Okta renders it: a fresh errorId each time. */
export function errorBody(code: string, detail?: string, causes: string[] = []): OktaErrorObject {
  const template = ERROR_SUMMARIES[code] ?? 'Internal Server Error';
  return {
    errorCode: code,
    errorSummary: detail === undefined ? template.replace(': {0}', '') : template.replace('{0}', detail),
    errorLink: code,
    errorId: oktaId('oae', 22),
    errorCauses: causes.map((errorSummary) => ({ errorSummary })),
  };
}

/** The error object Okta sends for a bare status (E0000009 for anything it does not name). */
export function errorBodyForStatus(status: number): OktaErrorObject {
  return errorBody(CODE_BY_STATUS[status] ?? 'E0000009');
}
