import { apiCompare } from 'api-smart-diff';
import { loadSessionSlice } from '../scripts/lib/spec-io.ts';
const base = loadSessionSlice('../shared/okta-spec/management-minimal-2025.08.0.yaml').slice;
const head = loadSessionSlice('openapi/okta-sessions.yaml').slice;
for (const d of apiCompare(base, head).diffs) if (String(d.path[0])==='paths' && String(d.path[1]).endsWith('{sessionId}') && d.path[2]==='get') console.log(d.action, d.type, (d.path as any[]).join(' > '), JSON.stringify(d.before)?.slice(0,80), JSON.stringify(d.after)?.slice(0,80));
