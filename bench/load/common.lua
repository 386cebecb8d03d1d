-- Shared by list.lua, detail.lua, create.lua and mix.lua (each sets SCENARIO, then loads this).
-- wrk ... -s bench/load/<scenario>.lua URL -- <token> <writer token> <lead ids file> <pipeline path>
-- Reads carry the bench user's token; creates the writer's (another user of the same tenant),
-- so the bench user's list does not grow during the run. done() prints one JSON line.

local token, writer_token, ids_file, pipeline_path
local ids = {}
local counter = 0
local create_headers

function init(args)
  token, writer_token, ids_file, pipeline_path = args[1], args[2], args[3], args[4]
  if ids_file and ids_file ~= "" then
    for line in io.lines(ids_file) do
      if #line > 0 then ids[#ids + 1] = line end
    end
  end
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8), 16) or 0))
  wrk.headers["Authorization"] = "Bearer " .. token
  create_headers = { ["Authorization"] = "Bearer " .. writer_token,
                     ["Content-Type"] = "application/json" }
end

local function list()
  return wrk.format("GET", "/api/leads?limit=25&offset=" .. 25 * math.random(0, 3))
end

local function detail()
  return wrk.format("GET", "/api/leads/" .. ids[math.random(#ids)])
end

local function create()
  counter = counter + 1
  local body = '{"name":"Bench lead ' .. counter .. '","email":"bench' .. counter ..
    '@example.com","status":"new","phone_label":"work"}'
  return wrk.format("POST", "/api/leads", create_headers, body)
end

local function pipeline()
  return wrk.format("GET", pipeline_path)
end

local function mix()
  local r = math.random(100)
  if r <= 60 then return list() end
  if r <= 85 then return detail() end
  if r <= 90 then return create() end
  return pipeline()
end

local scenarios = { list = list, detail = detail, create = create, mix = mix, pipeline = pipeline }
request = scenarios[SCENARIO]

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"scenario": "%s", "requests": %d, "duration_us": %d, "rps": %.1f, ' ..
    '"p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f, ' ..
    '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}}\n',
    SCENARIO, summary.requests, summary.duration, summary.requests / summary.duration * 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.connect, e.read, e.write, e.status, e.timeout))
end
