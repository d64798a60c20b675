#!/usr/bin/env node
import { createRequire } from 'node:module';
import { text } from 'node:stream/consumers';
import { main } from './main.js';

const { version } = createRequire(import.meta.url)('okta-sessions/package.json') as { version: string };

process.exitCode = await main(process.argv.slice(2), {
  out: console.log,
  err: console.error,
  env: process.env,
  version,
  readStdin: () => text(process.stdin),
  // Progress only on a terminal: logs and pipes stay clean.
  progress: process.stderr.isTTY ? (line) => process.stderr.write(line === undefined ? '\r\x1b[K' : `\r\x1b[K${line}`) : undefined,
  onInterrupt: (handler) => {
    process.once('SIGINT', handler);
    process.once('SIGTERM', handler);
    return () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    };
  },
});
