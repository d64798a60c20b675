// `okta-sessions/redis`: pacing shared by many processes through Redis (needs the ioredis package).
export { type RedisConnection, RedisRateLimitStore, type RedisRateLimitStoreOptions } from './store.js';
