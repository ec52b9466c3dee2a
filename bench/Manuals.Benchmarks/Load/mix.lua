-- One request type of the load benchmark (bench/README.md, "Load benchmark"), for wrk:
--   wrk -t T -c C -d Ds -s mix.lua http://127.0.0.1:PORT -- LIST COOKIE STATUS LOCATION OFFSET
-- LIST holds one request a line, "METHOD PATH [FORM-BODY]". Each thread cycles through it from OFFSET, threads
-- interleaved, so one thread with one connection sends each line once in order (the saves). A response counts as an
-- error unless its status is STATUS (and, when LOCATION is not "-", its Location starts with LOCATION). done() prints
-- one line "WRK-JSON {...}" with the figures of this type.

local threads = {}

function setup(thread)
   thread:set("tid", #threads)
   table.insert(threads, thread)
end

function init(args)
   local list, cookie = args[1], args[2]
   expected = tonumber(args[3])
   location = args[4]
   local offset = tonumber(args[5])
   step = tonumber(args[6])
   requests = {}
   for line in io.lines(list) do
      local method, path, body = line:match("^(%S+) (%S+) ?(.*)$")
      local headers = { ["Cookie"] = cookie }
      if method == "POST" then
         headers["Content-Type"] = "application/x-www-form-urlencoded"
      else
         body = nil
      end
      table.insert(requests, wrk.format(method, path, headers, body))
   end
   next_index = offset + tid
   bad = 0
   wrapped = 0
   first_bad = ""
end

function request()
   if next_index >= #requests then
      wrapped = 1
   end
   local r = requests[(next_index % #requests) + 1]
   next_index = next_index + step
   return r
end

function response(status, headers, body)
   local ok = status == expected
   if ok and location ~= "-" then
      local to = headers["Location"] or headers["location"] or ""
      ok = to:sub(1, #location) == location
   end
   if not ok then
      bad = bad + 1
      if first_bad == "" then
         first_bad = tostring(status)
      end
   end
end

function done(summary, latency, requests)
   local bad_total, wrapped_any, first = 0, 0, ""
   for _, t in ipairs(threads) do
      bad_total = bad_total + t:get("bad")
      wrapped_any = math.max(wrapped_any, t:get("wrapped"))
      if first == "" then
         first = t:get("first_bad")
      end
   end
   local e = summary.errors
   io.write(string.format(
      'WRK-JSON {"requests":%d,"durationUs":%d,"p50Us":%d,"p95Us":%d,"p99Us":%d,"maxUs":%d,"unexpected":%d,"firstUnexpected":"%s","connect":%d,"read":%d,"write":%d,"timeout":%d,"wrapped":%d}\n',
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
      bad_total, first, e.connect, e.read, e.write, e.timeout, wrapped_any))
end
