-- wrk -s bench/wrk/predict.lua URL/api/v1/predict: POST /predict with a bearer token per request.
-- TOKENS_FILE: one token per line (scripts/bench.sh api writes .data/bench/tokens-enterprise.txt);
-- HIT_RATIO: share of requests drawn from a fixed hot set of 100 flights (cache hits once seen),
-- the rest are fresh flights (random position and pilot hours: cache misses that run the model).
-- done() prints one machine-readable line for bench.sh:
--   RESULT requests req/s p50 p95 p99 p99.9 max(ms) non-2xx socket-errors

local tokens = {}
local hot = {}
local ratio = tonumber(os.getenv("HIT_RATIO") or "1.0")

local function flight(lat, lon, hours)
  return string.format('{"eventDate":"2019-07-14","localHour":15,"latitude":%.6f,"longitude":%.6f,"state":"CO",'
    .. '"lightCondition":"DAYL","weatherCondition":"VMC","aircraftCategory":"AIR","make":"Cessna","engineCount":1,'
    .. '"engineType":"REC","farPart":"091","flightPurpose":"PERS","flightPhase":"TAKEOFF","pilotAge":54,'
    .. '"pilotCertificate":"PRI","pilotTotalHours":%.3f}', lat, lon, hours)
end

function setup(thread)
  thread:set("id", math.random(1, 1000000))
end

function init(args)
  for line in io.lines(os.getenv("TOKENS_FILE")) do
    if #line > 0 then tokens[#tokens + 1] = line end
  end
  for i = 1, 100 do
    hot[i] = flight(30 + i * 0.1, -100 - i * 0.1, 100 + i)
  end
  math.randomseed(os.time() + (id or 0))
end

function request()
  local body
  if math.random() < ratio then
    body = hot[math.random(1, #hot)]
  else
    body = flight(25 + math.random() * 24, -124 + math.random() * 57, math.random() * 20000)
  end
  return wrk.format("POST", nil, {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[math.random(1, #tokens)],
  }, body)
end

function done(summary, latency, requests)
  local non2xx = summary.errors.status
  local socket = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("RESULT %d %.1f %.2f %.2f %.2f %.2f %.2f %d %d\n",
    summary.requests, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, non2xx, socket))
end
