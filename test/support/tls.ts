/** A certificate for localhost from openssl, for TLS servers the tests start: trusted only where a test says so. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemTool } from './system-tools.js';

export interface LocalhostCertificate {
  key: Buffer;
  cert: Buffer;
  /** The certificate as a file, for NODE_EXTRA_CA_CERTS in a child process. */
  certFile: string;
  remove(): void;
}

/** A self-signed P-256 certificate for DNS:localhost, valid for a day. */
export function localhostCertificate(): LocalhostCertificate {
  const work = mkdtempSync(join(tmpdir(), 'okta-sessions-tls-'));
  const [keyFile, certFile] = [join(work, 'key.pem'), join(work, 'cert.pem')];
  execFileSync(
    systemTool(['openssl'], 'openssl'),
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  return {
    key: readFileSync(keyFile),
    cert: readFileSync(certFile),
    certFile,
    remove: () => rmSync(work, { recursive: true, force: true }),
  };
}
