/**
 * The error factory, loaded when a call first fails: a page that never sees an
 * error never downloads it (a bundler splits it off), and on Node the import is
 * cached after the first time.
 */
export function loadErrorFactory(): Promise<typeof import('./factory.js')> {
  return import('./factory.js');
}
