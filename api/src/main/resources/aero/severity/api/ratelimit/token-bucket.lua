-- One caller's token bucket, decided in one round trip: the same bucket as the in-process one
-- (Bucket4j, capacity = limit, greedy refill of limit tokens per period), kept as one number, the
-- theoretical arrival time (GCRA): the instant at which the bucket will be full again, in
-- microseconds on Redis's own clock (so replicas never disagree about time).
--
-- KEYS[1]  the bucket
-- ARGV[1]  limit: tokens per period (the capacity)
-- ARGV[2]  the period in microseconds
-- ARGV[3]  tokens this request needs
-- Returns {allowed (1/0), tokens remaining, microseconds until full, microseconds until the request
-- would be allowed (0 when allowed)}.
local limit = tonumber(ARGV[1])
local period = tonumber(ARGV[2])
local wanted = tonumber(ARGV[3])
local clock = redis.call('TIME')
-- since 2020-01-01, so a double keeps sub-microsecond precision
local now = (tonumber(clock[1]) - 1577836800) * 1000000 + tonumber(clock[2])
local interval = period / limit

local stored = redis.call('GET', KEYS[1])
local full_at = stored and tonumber(stored) or now
if full_at < now then
  full_at = now
end
local needed_full_at = full_at + interval * wanted
-- a nanosecond of slack for the rounding of interval * wanted
local allowed = needed_full_at - now <= period + 0.001
local retry = 0
if allowed then
  full_at = needed_full_at
  -- kept until it is full again (then it is the same as no bucket) plus a minute
  redis.call('SET', KEYS[1], string.format('%.3f', full_at), 'PX', string.format('%d', math.ceil((full_at - now) / 1000) + 60000))
else
  retry = math.ceil(needed_full_at - period - now)
end
local remaining = math.floor((period - (full_at - now)) / interval + 0.000001)
if remaining < 0 then
  remaining = 0
end
return {allowed and 1 or 0, remaining, math.ceil(full_at - now), retry}
