/**
 * The Lua scripts: each decision that reads and writes the shared state is one
 * script, so Redis runs it atomically whatever other processes do. Times are ms
 * on Okta's clock (each caller's estimate), except `wend`, which is on Redis's own
 * clock: one clock for every process, so no process's estimate can make another
 * probe early. KEYS[1] is the bucket's state (a hash: limit, remaining, reset,
 * wend = the window's real end when known, probe = the lease probing for it,
 * noprobe = probing failed once), KEYS[2] its leases (a sorted set: id -> expiry).
 */

/**
 * ARGV: now, leaseMs, cap, reserve, leaseId, pollMs.
 * Returns {1, inFlight} with a lease, or {0, retryAt, limit, remaining, reset} (-1 when unknown).
 */
export const ACQUIRE = `
local now, leaseMs, cap, reserve, pollMs = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[6])
local clock = redis.call('TIME')
local redisNow = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local inFlight = redis.call('ZCARD', KEYS[2])
local s = redis.call('HMGET', KEYS[1], 'limit', 'remaining', 'reset', 'wend', 'probe', 'noprobe')
local limit, remaining, reset, wend, probe, noprobe = tonumber(s[1]), tonumber(s[2]), tonumber(s[3]), tonumber(s[4]), s[5], s[6]
local function held(retryAt) return {0, retryAt, limit or -1, remaining or -1, reset or -1} end
if probe and not redis.call('ZSCORE', KEYS[2], probe) then
  redis.call('HDEL', KEYS[1], 'probe')
  probe = false
end
if inFlight >= cap then return held(now + pollMs) end
local isProbe = false
if reset and now < reset then
  if remaining - inFlight <= reserve then
    if wend and redisNow >= wend and not probe and not noprobe then
      isProbe = true
    elseif wend and redisNow < wend and not noprobe then
      return held(now + wend - redisNow)
    elseif probe then
      return held(now + pollMs)
    else
      return held(reset)
    end
  end
elseif limit and limit - inFlight <= reserve then
  return held(now + pollMs)
elseif not limit and inFlight > 0 then
  -- Nothing known of the bucket yet: one request learns its limit before others follow.
  return held(now + pollMs)
end
redis.call('ZADD', KEYS[2], now + leaseMs, ARGV[5])
redis.call('PEXPIRE', KEYS[2], leaseMs * 2)
if isProbe then redis.call('HSET', KEYS[1], 'probe', ARGV[5]) end
return {1, inFlight + 1}
`;

/**
 * ARGV: leaseId, learned (1/0), limit, remaining, reset, windowMs ('' unless this response opened the window), stateTtlMs.
 * Ends the lease; learns: a later window replaces the state, within a window the smallest remaining wins, an older one is ignored.
 * A lease ended without an answer (the connection failed) may still have been counted by Okta: it uses one of the remaining.
 */
export const RELEASE = `
redis.call('ZREM', KEYS[2], ARGV[1])
local wasProbe = redis.call('HGET', KEYS[1], 'probe') == ARGV[1]
if wasProbe then redis.call('HDEL', KEYS[1], 'probe') end
if ARGV[2] ~= '1' then
  local known = tonumber(redis.call('HGET', KEYS[1], 'remaining'))
  if known and known > 0 then redis.call('HINCRBY', KEYS[1], 'remaining', -1) end
  return 0
end
local reset, remaining = tonumber(ARGV[5]), tonumber(ARGV[4])
local wend = ''
if ARGV[6] ~= '' then
  -- The window opened before this answer reached Redis: it ends no earlier than now + its length.
  local clock = redis.call('TIME')
  wend = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000) + tonumber(ARGV[6])
end
local current = tonumber(redis.call('HGET', KEYS[1], 'reset') or '0')
if reset > current then
  redis.call('HSET', KEYS[1], 'limit', ARGV[3], 'remaining', remaining, 'reset', reset)
  if wend ~= '' then redis.call('HSET', KEYS[1], 'wend', wend) else redis.call('HDEL', KEYS[1], 'wend') end
elseif reset == current then
  local known = tonumber(redis.call('HGET', KEYS[1], 'remaining'))
  if not known or remaining < known then redis.call('HSET', KEYS[1], 'remaining', remaining) end
  if wend ~= '' and not redis.call('HGET', KEYS[1], 'wend') then redis.call('HSET', KEYS[1], 'wend', wend) end
  if wasProbe and remaining == 0 then redis.call('HSET', KEYS[1], 'noprobe', '1') end
end
redis.call('PEXPIRE', KEYS[1], ARGV[7])
return 1
`;
