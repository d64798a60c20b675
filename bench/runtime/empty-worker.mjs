/** workerd: the same Worker as import-worker.mjs without the package. */
export default {
  fetch: () => Response.json('function'),
};
