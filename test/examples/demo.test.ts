import { describe, expect, it, vi } from 'vitest';
import { runDemo } from '../../examples/demo.js';

describe('the demo (make demo)', () => {
  it('runs the whole flow against the embedded server; the burst is absorbed by pacing, and by retries without it; the incident is found, cleared and proved', async () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
    const { held, retries, burst, pacedRejections, verifyExit } = await runDemo();
    vi.restoreAllMocks();
    expect(burst).toBe(30);
    expect(held).toBeGreaterThan(0);
    expect(pacedRejections).toBe(0);
    expect(retries).toBeGreaterThan(0);
    expect(verifyExit).toBe(0);
    const transcript = lines.join('\n');
    for (const step of [
      'create(sessionToken)',
      'refresh(id)',
      'get(id) after revoke',
      'OktaNotFoundError E0000007',
      'closeCurrent({ cookie })',
      'okta-sessions sessions --ip 203.0.113.7',
      'Verified in the System Log: 2 of 2 clear(s)',
    ]) {
      expect(transcript).toContain(step);
    }
    expect(transcript).toMatch(/expiresAt (\S+) -> (?!\1)\S+/);
  }, 30_000);
});
