/**
 * The CLI as a responder in an incident runs it: installed from the packed package, against the embedded
 * server as the org, alerts and System Log exports shaped like real ones. Each case is one way the tool once
 * said "done" while nobody was logged out; each asserts what the org received, the exit code and the report.
 */
import { type ChildProcess, execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OktaSessionsServer, type ResponseRecord, startOktaSessionsServer } from '../../src/testing/index.js';
import { packedConsumer } from '../support/packed-consumer.js';

const work = mkdtempSync(join(tmpdir(), 'okta-sessions-incident-'));
let bin: string;
let server: OktaSessionsServer;
const responses: ResponseRecord[] = [];

beforeAll(async () => {
  const { consumer } = packedConsumer(work);
  bin = join(consumer, 'node_modules', '.bin', 'okta-sessions');
  server = await startOktaSessionsServer({ rateLimit: { limit: 50, windowMs: 1_000 }, onResponse: (record) => responses.push(record) });
}, 180_000);
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The installed command, with the org's settings (and `env` over them); `started` gets the process. */
function okta(args: string[], env: Record<string, string> = {}, input = '', started?: (child: ChildProcess) => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      bin,
      args,
      { env: { PATH: process.env.PATH ?? '', OKTA_ORG_URL: server.url, OKTA_API_TOKEN: server.apiToken, ...env } },
      (error, stdout, stderr) => resolve({ code: child.exitCode ?? (error ? 1 : 0), stdout, stderr }),
    );
    child.stdin?.end(input);
    started?.(child);
  });
}

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

/** What the org received from here on. */
function received() {
  const since = responses.length;
  return {
    all: () => responses.slice(since),
    writes: () => responses.slice(since).filter((record) => record.method === 'DELETE'),
  };
}

const syslogEvent = (externalSessionId: string, actor = { id: '00uq9rgxol2uZABHN1d7', type: 'User', alternateId: 'ada@example.com' }) =>
  JSON.stringify({ eventType: 'user.session.start', actor, authenticationContext: { externalSessionId } });

describe('incident response with the installed CLI', () => {
  it('1: Identity Engine session ids and a cut-off id are refused before anything is sent, pointing at clear-user', async () => {
    const org = received();
    const export_ = file(
      'syslog-oie.json',
      ['idxBager62CSveUkTxvgRtonA', 'idxQw3rTy9UiOpAsDfGhJkLzX', '102abc'].map((id) => syslogEvent(id)).join('\n'),
    );
    const run = await okta(['revoke', '--from', export_, '--field', 'authenticationContext.externalSessionId']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('3 input(s) refused; nothing was sent');
    expect(run.stderr).toContain('is an Identity Engine session');
    expect(run.stderr).toContain('okta-sessions clear-user --session idxBager62CSveUkTxvgRtonA');
    expect(run.stderr).toContain('"102abc" has 6 characters');
    expect(org.all()).toEqual([]);
  });

  it('2: a CSV without --column and JSON without --field are refused with what they hold; a mistyped email exits 1, named in the report', async () => {
    const erin = server.createUser({ login: 'erin@acme.example' });
    const org = received();
    const csv = await okta(['clear-user', '--from', file('export.csv', 'login,reason\nerin@acme.example,alert\n')]);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('its columns are "login", "reason"');
    const json = await okta(['clear-user', '--from', file('export.json', syslogEvent('102x'))]);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('choose the field to read with --field');
    expect(json.stderr).toContain('actor.alternateId');
    expect(org.all()).toEqual([]);
    const typo = await okta(['clear-user', 'erin@acme.exmaple']);
    expect(typo.code).toBe(1);
    expect(typo.stdout).toMatch(/^ {2}no such user \(404\) +erin@acme\.exmaple {2}request [0-9a-f]{32}$/m);
    expect(org.writes()).toEqual([]);
    expect(server.sessionClears.some((clear) => clear.userId === erin)).toBe(false);
  });

  it('3: a wrong token stops the run after its first 401: the rest are not sent', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => server.issueSession({ login: `victim${i}@example.com` }));
    const org = received();
    const run = await okta(['revoke', '--from', '-', '--concurrency', '5'], { OKTA_API_TOKEN: 'not-the-token-0000' }, ids.join('\n'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('stopping: Okta refused the credentials (E0000011)');
    expect(org.writes().length).toBeLessThanOrEqual(5);
    expect(org.writes().every((record) => record.status === 401)).toBe(true);
    expect(run.stdout).toMatch(/^not sent +\d+$/m);
  });

  it('4: a --journal that cannot be created exits 2 with nothing sent', async () => {
    const id = server.issueSession({ login: 'journal@example.com' });
    const org = received();
    const run = await okta(['revoke', id, '--journal', '/nonexistent/dir/j.ndjson']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Could not keep the journal "/nonexistent/dir/j.ndjson": ENOENT; nothing was sent');
    expect(org.all()).toEqual([]);
  });

  it('5: Ctrl-C means no new request on the wire: the calls waiting for the rate limit are not sent', async () => {
    const ids = Array.from({ length: 120 }, (_, i) => server.issueSession({ login: `queued${i}@example.com` }));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const org = received();
    const journal = join(work, 'ctrl-c.ndjson');
    let atSignal = 0;
    const run = await okta(['revoke', '--from', '-', '--journal', journal], {}, ids.join('\n'), (child) => {
      const poll = setInterval(() => {
        if (org.writes().length < 50) return;
        clearInterval(poll);
        atSignal = org.writes().length;
        child.kill('SIGINT');
      }, 5);
      child.once('exit', () => clearInterval(poll));
    });
    expect(run.code).toBe(130);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    // The next window opened after the signal: nothing of it was sent.
    expect(org.writes().length).toBeLessThanOrEqual(atSignal + 10);
    const done = readFileSync(journal, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
      .filter((line) => line.ok);
    expect(done.length).toBe(org.writes().filter((record) => record.status === 204).length);
  }, 30_000);

  it('6: the follow-up check after a full revoke reads as success: every id "gone", exit 0; a single revoke of a gone id is "not found", as in bulk', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => server.issueSession({ login: `followup${i}@example.com` }));
    const list = file('ids.txt', ids.join('\n'));
    expect((await okta(['revoke', '--from', list])).code).toBe(0);
    const check = await okta(['get', '--from', list, '--json']);
    expect(check.code).toBe(0);
    expect(
      check.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).outcome),
    ).toEqual(Array(20).fill('gone'));
    const again = await okta(['revoke', ids[0] as string]);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/^ {2}not found \(404\) +102\w{22}/m);
    const bulkAgain = await okta(['revoke', '--from', list]);
    expect(bulkAgain.code).toBe(1);
  });

  it('7: the report names input → user id → login; a resume says what the journal held; typos, settings and actors are said plainly', async () => {
    const linus = server.createUser({ login: 'linus@example.com' });
    server.createUser({ login: 'grace@example.com' });
    const journal = join(work, 'resume.ndjson');
    const first = await okta(['clear-user', 'linus@example.com', '--journal', journal]);
    expect(first.stdout).toMatch(new RegExp(`^ {2}cleared +linus@example\\.com → ${linus} {2}request [0-9a-f]{32}$`, 'm'));
    const resumed = await okta(['clear-user', 'linus@example.com', 'grace@example.com', '--journal', journal]);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(/^ {2}cleared before \(journal\) +linus@example\.com/m);
    expect(resumed.stdout).toContain('(1 of them done in an earlier run, from the journal)');
    expect(resumed.stdout).toMatch(/^clear-user: 2 user\(s\), 2 done/m);

    const typo = await okta(['revok', '102l8zwRRO8Q2y3vlkDEVbkig']);
    expect(typo.stderr).toContain('Did you mean revoke?');
    const setting = await okta(['get', '102l8zwRRO8Q2y3vlkDEVbkig'], { OKTA_ORG_URL: 'http://acme.okta.com' });
    expect(setting.stderr).toMatch(/^OKTA_ORG_URL must use https/m);
    expect((await okta(['revoke', '--help'])).stdout).toContain('--field');

    const org = received();
    const mixed = file(
      'actors.json',
      [
        syslogEvent('102a'),
        syslogEvent('102b', { id: '0oa1systemPrincipal0', type: 'SystemPrincipal', alternateId: 'system@okta.com' }),
      ].join('\n'),
    );
    const unfiltered = await okta(['clear-user', '--from', mixed, '--field', 'actor.alternateId']);
    expect(unfiltered.code).toBe(2);
    expect(unfiltered.stderr).toContain('actor.type is SystemPrincipal, not a user: add --where actor.type=User');
    expect(org.all()).toEqual([]);
  });
});
