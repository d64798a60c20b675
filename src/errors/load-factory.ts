/**
 * The error factory, loaded when a call first fails: a page that never sees an
 * error never downloads it (a bundler splits it off), and on Node the import is
 * cached after the first time.
 */
import type * as ErrorFactory from './factory.js';

export function loadErrorFactory(): Promise<typeof ErrorFactory> {
  return import('./factory.js');
}
