import { oktaSessions } from './bench/lib/clients.js';
import { measureBurst } from './bench/scenarios.js';
for (const w of [1000, 2000]) console.log(w, await measureBurst((u, t) => oktaSessions(u, t, { timeoutMs: 120_000 }), { burst: 200, limit: 20, windowMs: w }));
