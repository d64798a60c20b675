/** examples/opentelemetry.ts with the OpenTelemetry SDK's in-memory exporter: a span per call, from the tracing channel. */
import { SpanStatusCode } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, describe, expect, it } from 'vitest';
import { instrumentOktaSessions } from '../../examples/opentelemetry.js';
import { OktaNotFoundError, OktaSessions } from '../../src/index.js';
import { startOktaSessionsServer } from '../../src/testing/index.js';

const exporter = new InMemorySpanExporter();
const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
const stop = instrumentOktaSessions(provider.getTracer('okta-sessions-test'));
const server = await startOktaSessionsServer({ rateLimit: false });
afterAll(async () => {
  stop();
  await server.close();
});

describe('the OpenTelemetry example', () => {
  it('makes a client span per call, with the operation, path template, status, request id and attempts; a failure is an error span', async () => {
    const okta = new OktaSessions({ orgUrl: server.url, apiToken: server.apiToken });
    const id = server.issueSession({ login: 'otel@example.com' });
    server.inject({ type: 'status', status: 503 }, { operation: 'getSession' });
    await okta.get(id);
    await okta.revoke(id);
    await expect(okta.get(id)).rejects.toBeInstanceOf(OktaNotFoundError);
    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => span.name)).toEqual(['okta getSession', 'okta revokeSession', 'okta getSession']);
    expect(spans[0]?.attributes).toMatchObject({
      'http.request.method': 'GET',
      'url.template': '/api/v1/sessions/{sessionId}',
      'okta.operation_id': 'getSession',
      'http.response.status_code': 200,
      'okta.attempts': 2,
      'okta.request_id': expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    expect(spans[1]?.attributes['http.response.status_code']).toBe(204);
    expect(spans[2]?.status.code).toBe(SpanStatusCode.ERROR);
    expect(spans[2]?.attributes['http.response.status_code']).toBe(404);
    expect(spans[2]?.events.map((event) => event.name)).toEqual(['exception']);
    expect(JSON.stringify(spans.map((span) => span.attributes))).not.toContain(id);
  });
});
