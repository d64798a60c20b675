/**
 * OpenTelemetry spans for okta-sessions calls, from the tracing channel each call publishes on
 * (`okta-sessions:call`, node:diagnostics_channel): no monkey-patching, and nothing to pay when no one
 * subscribes. The package depends on no OpenTelemetry package; this file is yours to copy.
 *
 *   import { trace } from '@opentelemetry/api';
 *   const stop = instrumentOktaSessions(trace.getTracer('okta-sessions'));
 */
import { tracingChannel } from 'node:diagnostics_channel';
import { type Span, SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import type { CallTrace } from '../src/index.js';

/** Starts a span per call and ends it with what the call's answer said. Returns what stops it. */
export function instrumentOktaSessions(tracer: Tracer): () => void {
  const channel = tracingChannel<object, CallTrace>('okta-sessions:call');
  const spans = new WeakMap<object, Span>();
  const handlers = {
    start(context: CallTrace) {
      spans.set(
        context,
        tracer.startSpan(`okta ${context.operationId}`, {
          kind: SpanKind.CLIENT,
          attributes: { 'http.request.method': context.method, 'url.template': context.path, 'okta.operation_id': context.operationId },
        }),
      );
    },
    error(context: CallTrace) {
      const span = spans.get(context);
      const error = context.error as (Error & { status?: number; requestId?: string }) | undefined;
      if (!span || !error) return;
      span.recordException(error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: error.name });
      if (error.status !== undefined) span.setAttribute('http.response.status_code', error.status);
      if (error.requestId !== undefined) span.setAttribute('okta.request_id', error.requestId);
    },
    asyncEnd(context: CallTrace) {
      const span = spans.get(context);
      if (!span) return;
      if (context.status !== undefined) span.setAttribute('http.response.status_code', context.status);
      if (context.requestId !== undefined) span.setAttribute('okta.request_id', context.requestId);
      if (context.attempts !== undefined) span.setAttribute('okta.attempts', context.attempts);
      if (context.rateLimit) span.setAttribute('okta.rate_limit.remaining', context.rateLimit.remaining);
      span.end();
      spans.delete(context);
    },
  };
  channel.subscribe(handlers as never);
  return () => channel.unsubscribe(handlers as never);
}
