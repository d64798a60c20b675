/** workerd: a Worker that imports the package; its startup, less empty-worker.mjs's, is what the import costs. */
import { OktaSessions } from 'okta-sessions';

export default {
  fetch: () => Response.json(typeof OktaSessions),
};
