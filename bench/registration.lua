-- wrk script of the registration benchmark: every request is a new applicant (a unique, well-formed NIK of
-- Kota Tangerang), and the id of every acknowledged registration (HTTP 201) is appended to the ack file
-- the moment its answer arrives, so the crash test can look each one up after a restart.
--   wrk -s bench/registration.lua <url>/api/programs/<id>/registrations -- <ack-file> <run>
local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_no", counter)
  table.insert(threads, thread)
end

function init(args)
  ack_file = io.open(args[1], "a")
  ack_file:setvbuf("line")
  run = tonumber(args[2] or "0")
  serial = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  serial = serial + 1
  -- district 01..99, day 41..69 (women, +40) by run, month 01..12, serial 0001..9999: unique per (run, thread,
  -- serial) for 118,800 requests a thread, a run of several minutes
  local n = serial
  local nik = string.format("3671%02d%02d%02d90%02d%02d", 1 + (n % 99), 41 + run, 1 + math.floor(n / 9900) % 12,
    thread_no, math.floor(n / 99) % 100)
  return wrk.format(nil, nil, nil, string.format(
    '{"nik":"%s","name":"Pelamar %d-%d","businessName":"Usaha %d","sector":"APPAREL","district":"Cibodas",' ..
    '"phone":"081212345678","batch":"Gelombang 1"}', nik, thread_no, n, n))
end

function response(status, headers, body)
  if status == 201 then
    local id = body:match('"id":(%d+)')
    if id then ack_file:write(id, "\n") end
  end
end
