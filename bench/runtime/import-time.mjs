/** Bun and Deno: how long importing the package takes in a fresh process, in ms. */
const started = performance.now();
await import('okta-sessions');
console.log(JSON.stringify(performance.now() - started));
