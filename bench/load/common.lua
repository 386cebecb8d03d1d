-- Shared by every <scenario>.lua (each sets SCENARIO, then loads this).
-- wrk ... -s bench/load/<scenario>.lua URL -- <token> <writer token> <lead ids file> <pipeline path>
--   <admin token> <search path>
-- Reads and updates carry the bench user's token; creates the writer's (another user of the
-- same tenant), so the bench user's list does not grow during the run; the tenant-wide list
-- (/api/leads/all) the admin's. done() prints one JSON line.

local token, writer_token, ids_file, pipeline_path, admin_token, search_path
local ids = {}
local counter = 0
local create_headers, update_headers, admin_headers

function init(args)
  token, writer_token, ids_file, pipeline_path = args[1], args[2], args[3], args[4]
  admin_token, search_path = args[5] or token, args[6] or "/api/search?q=a"
  if ids_file and ids_file ~= "" then
    for line in io.lines(ids_file) do
      if #line > 0 then ids[#ids + 1] = line end
    end
  end
  math.randomseed(os.time() + (tonumber(tostring({}):sub(8), 16) or 0))
  wrk.headers["Authorization"] = "Bearer " .. token
  create_headers = { ["Authorization"] = "Bearer " .. writer_token,
                     ["Content-Type"] = "application/json" }
  update_headers = { ["Authorization"] = "Bearer " .. token,
                     ["Content-Type"] = "application/json" }
  admin_headers = { ["Authorization"] = "Bearer " .. admin_token }
end

local function list()
  return wrk.format("GET", "/api/leads?limit=25&offset=" .. 25 * math.random(0, 3))
end

local function list_all()
  return wrk.format("GET", "/api/leads/all?limit=25&offset=" .. 25 * math.random(0, 3), admin_headers)
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

local function update()
  counter = counter + 1
  local body = '{"city":"Bench city ' .. counter .. '"}'
  return wrk.format("PATCH", "/api/leads/" .. ids[math.random(#ids)], update_headers, body)
end

local function search()
  return wrk.format("GET", search_path)
end

local function pipeline()
  return wrk.format("GET", pipeline_path)
end

local function mix()
  local r = math.random(100)
  if r <= 45 then return list() end
  if r <= 50 then return list_all() end
  if r <= 70 then return detail() end
  if r <= 75 then return create() end
  if r <= 80 then return update() end
  if r <= 90 then return search() end
  return pipeline()
end

local scenarios = { list = list, list_all = list_all, detail = detail, create = create,
                    update = update, search = search, mix = mix, pipeline = pipeline }
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
