namespace Redis.Infrastructure.Scripting;

/// <summary>
/// The Lua half of the script environment, run once per Lua state: Redis 7.0's <c>redis</c> table, the Lua 5.1 names
/// Redis scripts use on top of Lua 5.4, <c>bit</c> and <c>cjson</c>, and the read-only globals (ADR 0031). The
/// libraries written apart (<see cref="LuaStruct"/>) run before it.
/// </summary>
/// <remarks>
/// The chunk receives the server's C# functions and returns the error handler and the protected globals a script
/// runs with. Everything that can fail raises here, in Lua: a C# callback only returns values, because a Lua error
/// is a <c>longjmp</c>, which must not cross .NET frames.
/// </remarks>
internal static class LuaPrelude
{
    public const string Source = """
local call_raw, pcall_raw, sha1hex_raw, log_raw, setresp_raw, null, interrupt_raw = ...
local G = _G
local type, tostring, tonumber, error, select, rawget, rawset, pairs, next, setmetatable, getmetatable =
      type, tostring, tonumber, error, select, rawget, rawset, pairs, next, setmetatable, getmetatable
local floor, fmod, mathtype, tointeger, huge = math.floor, math.fmod, math.type, math.tointeger, math.huge
local concat, insert, sort = table.concat, table.insert, table.sort
local format, byte, char, sub, find, gsub = string.format, string.byte, string.char, string.sub, string.find, string.gsub
local getinfo, sethook = debug.getinfo, debug.sethook
local rawpcall = pcall
local utf8char = utf8.char

-- Removed as Redis 7.0 removes them (no files, no modules, no printing).
G.print, G.dofile, G.loadfile, G.require, G.package, G.io, G.os, G.debug, G.utf8, G.warn = nil

-- Lua 5.1 names that 5.4 dropped, which Redis scripts still use.
G.unpack = table.unpack
G.gcinfo = function() return floor(collectgarbage('count')) end
table.getn = function(t) return #t end
table.maxn = function(t)
  local m = 0
  for k in pairs(t) do if type(k) == 'number' and k > m then m = k end end
  return m
end
table.foreach = function(t, f) for k, v in pairs(t) do local r = f(k, v) if r ~= nil then return r end end end
table.foreachi = function(t, f) for i = 1, #t do local r = f(i, t[i]) if r ~= nil then return r end end end
math.pow = function(x, y) return x ^ y end
math.mod = fmod
math.log10 = function(x) return math.log(x, 10) end
math.ldexp = function(m, e) return m * 2.0 ^ e end
math.frexp = function(x)
  if x == 0 or x ~= x or x == huge or x == -huge then return x, 0 end
  local e = floor(math.log(math.abs(x), 2)) + 1
  local m = x / 2.0 ^ e
  if math.abs(m) >= 1 then m = m / 2; e = e + 1 elseif math.abs(m) < 0.5 then m = m * 2; e = e - 1 end
  return m, e
end
math.cosh = function(x) return (math.exp(x) + math.exp(-x)) / 2 end
math.sinh = function(x) return (math.exp(x) - math.exp(-x)) / 2 end
math.tanh = function(x) local a, b = math.exp(x), math.exp(-x) return (a - b) / (a + b) end
string.gfind = string.gmatch
table.setn = function() error("'setn' is obsolete", 2) end
-- 5.1's coroutine.running is nil on the main thread (5.4: the thread and true).
local running = coroutine.running
coroutine.running = function()
  local co, main = running()
  if main then return nil end
  return co
end

-- Tables take no finalizer, as in Lua 5.1: a __gc would run inside whatever allocation triggered the collector,
-- including the engine's own calls into Lua, which must not run script code.
G.setmetatable = function(t, mt)
  if type(mt) == 'table' and rawget(mt, '__gc') ~= nil then
    local gc = rawget(mt, '__gc')
    rawset(mt, '__gc', nil)
    setmetatable(t, mt)
    rawset(mt, '__gc', gc)
    return t
  end
  return setmetatable(t, mt)
end

-- Redis's math.random: the rand48 generator, one sequence for the server's life, so every platform draws the same.
local seed = 0x1234ABCD330E
local function lrand48()
  seed = (0x5DEECE66D * seed + 0xB) & 0xFFFFFFFFFFFF
  return seed >> 17
end
math.random = function(...)
  local r = (lrand48() % 0x7FFFFFFF) / 0x7FFFFFFF
  local n = select('#', ...)
  if n == 0 then return r end
  local l, u = 1, ...
  if n == 2 then l, u = ... elseif n > 2 then error('wrong number of arguments', 2) end
  l, u = floor(tonumber(l)), floor(tonumber(u))
  if l > u then error("bad argument #" .. n .. " to 'random' (interval is empty)", 2) end
  return floor(r * (u - l + 1)) + l
end
math.randomseed = function(s)
  s = floor(tonumber(s)) & 0xFFFFFFFF
  seed = (s << 16) | 0x330E
end

-- redis.* --------------------------------------------------------------------------------------------------------
local function push_error(text)
  -- luaPushErrorBuff: "-CODE message" keeps its code, anything else is an ERR; no trailing CR or LF.
  local code, msg = 'ERR', text
  if sub(text, 1, 1) == '-' then
    local space = find(text, ' ', 1, true)
    if space then code, msg = sub(text, 2, space - 1), sub(text, space + 1) else msg = sub(text, 2) end
  end
  msg = gsub(msg, '^[\r\n]+', '')
  msg = gsub(msg, '[\r\n]+$', '')
  return { err = code .. ' ' .. msg }
end

-- redis.call is the C# function itself, so `return redis.call(...)` keeps the script's frame (and its line) on the
-- stack. It cannot raise (a longjmp must not cross .NET frames): it returns its error after mark, which notes where
-- the script called it and raises it from a count hook at the script's next instruction. A script that ends at once
-- (the call was its return) has its pending error taken by the engine.
local pending
local function where(err, level)
  while true do
    local info = getinfo(level, 'Sl')
    if not info then return err end
    if info.source == '@user_script' then
      err.source = info.source
      err.line = info.currentline
      return err
    end
    level = level + 1
  end
end

-- Redis's luaMaskCountHook: every 100000 instructions the server may serve other clients (past busy-reply-threshold)
-- and be told to stop the script (SCRIPT KILL, SHUTDOWN NOSAVE). From then on every line of the script raises again,
-- so a pcall in it cannot hold the error. The error is raised only from the script's own code: never from the
-- engine's calls into this prelude (mark), which C# makes unprotected, nor from the error handler.
local function stop_if_script(level)
  local info = getinfo(level, 'S')
  if info and info.source == '@user_script' then
    error(where({ err = 'ERR Script killed by user with SCRIPT KILL...' }, level + 1), 0)
  end
end
local function killed_hook() stop_if_script(3) end
local function interrupt_hook()
  if interrupt_raw() then
    sethook(killed_hook, 'l')
    stop_if_script(3)
  end
end
local function arm(thread)
  if thread then return sethook(thread, interrupt_hook, '', 100000) end
  return sethook(interrupt_hook, '', 100000)
end

local function raise_pending()
  local err = pending
  pending = nil
  arm()
  error(err, 0)
end
local function mark(err)
  where(err, 3)
  pending = err
  return sethook(raise_pending, '', 1)
end
local function take_pending()
  local err = pending
  pending = nil
  arm()
  return err
end

local redis = {}
redis.call = call_raw
redis.pcall = pcall_raw
redis.sha1hex = sha1hex_raw
redis.error_reply = function(...)
  local e = ...
  if select('#', ...) ~= 1 or type(e) ~= 'string' then return push_error('wrong number or type of arguments') end
  if sub(e, 1, 1) ~= '-' then e = '-' .. e end
  return push_error(e)
end
redis.status_reply = function(...)
  local s = ...
  if select('#', ...) ~= 1 or type(s) ~= 'string' then return push_error('wrong number or type of arguments') end
  return { ok = s }
end
redis.log = log_raw
redis.setresp = setresp_raw
redis.set_repl = function(...)
  if select('#', ...) ~= 1 then error(push_error('redis.set_repl() requires two arguments.')) end
  local v = floor(tonumber((...)) or 0)
  if v & ~3 ~= 0 then error(push_error('Invalid replication flags. Use REPL_AOF, REPL_REPLICA, REPL_ALL or REPL_NONE.')) end
end
redis.replicate_commands = function() return true end
redis.breakpoint = function() return false end
redis.debug = function() end
redis.LOG_DEBUG, redis.LOG_VERBOSE, redis.LOG_NOTICE, redis.LOG_WARNING = 0, 1, 2, 3
redis.REPL_NONE, redis.REPL_AOF, redis.REPL_SLAVE, redis.REPL_REPLICA, redis.REPL_ALL = 0, 1, 2, 2, 3
redis.REDIS_VERSION, redis.REDIS_VERSION_NUM = '7.0.15', 0x00070015
G.redis = redis

-- Redis 7's pcall: an error raised as a table with an err field is caught as that text.
G.pcall = function(f, ...)
  if f == call_raw then
    local reply = pcall_raw(...)
    if type(reply) == 'table' and type(rawget(reply, 'err')) == 'string' then return false, reply.err end
    return true, reply
  end
  local results = table.pack(rawpcall(f, ...))
  if not results[1] and type(results[2]) == 'table' and type(rawget(results[2], 'err')) == 'string' then
    results[2] = results[2].err
  end
  return table.unpack(results, 1, results.n)
end

-- bit (LuaBitOp): 32-bit signed results from Lua 5.4's integer operators ---------------------------------------------
local function tobit(x)
  local n = tonumber(x)
  if n == nil then error("bad argument #1 to 'tobit' (number expected, got " .. type(x) .. ")", 3) end
  if mathtype(n) == 'float' then n = tointeger(fmod(floor(n + 0.5), 4294967296.0)) or 0 end
  n = n & 0xFFFFFFFF
  if n >= 0x80000000 then n = n - 0x100000000 end
  return n
end
local bit = {}
bit.tobit = function(x) return tobit(x) end
bit.bnot = function(x) return tobit(~tobit(x)) end
bit.band = function(x, ...) local r = tobit(x) for i = 1, select('#', ...) do r = r & tobit((select(i, ...))) end return tobit(r) end
bit.bor = function(x, ...) local r = tobit(x) for i = 1, select('#', ...) do r = r | tobit((select(i, ...))) end return tobit(r) end
bit.bxor = function(x, ...) local r = tobit(x) for i = 1, select('#', ...) do r = r ~ tobit((select(i, ...))) end return tobit(r) end
bit.lshift = function(x, n) return tobit((tobit(x) & 0xFFFFFFFF) << (tobit(n) & 31)) end
bit.rshift = function(x, n) return tobit((tobit(x) & 0xFFFFFFFF) >> (tobit(n) & 31)) end
bit.arshift = function(x, n) return tobit(tobit(x) // (1 << (tobit(n) & 31))) end
bit.rol = function(x, n) local v, s = tobit(x) & 0xFFFFFFFF, tobit(n) & 31 return tobit((v << s) | (v >> (32 - s))) end
bit.ror = function(x, n) local v, s = tobit(x) & 0xFFFFFFFF, tobit(n) & 31 return tobit((v >> s) | (v << (32 - s))) end
bit.bswap = function(x)
  local v = tobit(x) & 0xFFFFFFFF
  return tobit(((v & 0xFF) << 24) | ((v & 0xFF00) << 8) | ((v >> 8) & 0xFF00) | (v >> 24))
end
bit.tohex = function(x, n)
  n = n == nil and 8 or tobit(n)
  local digits = '%0' .. math.min(math.abs(n), 8) .. (n < 0 and 'X' or 'x')
  local v = tobit(x) & 0xFFFFFFFF
  local width = math.min(math.abs(n), 8)
  if width < 8 then v = v & ((1 << (4 * width)) - 1) end
  return format(digits, v)
end
G.bit = bit

-- cjson (lua-cjson's defaults: 14 significant digits, sparse arrays refused past 2:1 beyond 10 items) -------------------
local cjson = { null = null, _NAME = 'cjson', _VERSION = '2.1.0' }
local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['/'] = '\\/', ['\b'] = '\\b', ['\f'] = '\\f', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }
local function escape(s)
  return '"' .. gsub(s, '[%c"\\/]', function(c) return escapes[c] or format('\\u%04x', byte(c)) end) .. '"'
end
local encode_value
local function encode_table(t, depth, out)
  if depth > 1000 then error('Cannot serialise, excessive nesting (' .. depth .. ')', 0) end
  local max, count, array = 0, 0, true
  for k in next, t do
    if type(k) == 'number' and k > 0 and floor(k) == k then
      if k > max then max = k end
      count = count + 1
    else
      array = false
      break
    end
  end
  if array and max > 10 and max > count * 2 then error('Cannot serialise table: excessively sparse array', 0) end
  if array and max > 0 then
    out[#out + 1] = '['
    for i = 1, max do
      if i > 1 then out[#out + 1] = ',' end
      encode_value(rawget(t, i), depth, out)
    end
    out[#out + 1] = ']'
    return
  end
  out[#out + 1] = '{'
  local first = true
  for k, v in next, t do
    local kt = type(k)
    if kt == 'number' then k = format('%.14g', k) elseif kt ~= 'string' then
      error('Cannot serialise table: table key must be a number or string', 0)
    end
    if not first then out[#out + 1] = ',' end
    first = false
    out[#out + 1] = escape(k)
    out[#out + 1] = ':'
    encode_value(v, depth, out)
  end
  out[#out + 1] = '}'
end
encode_value = function(v, depth, out)
  local t = type(v)
  if t == 'string' then out[#out + 1] = escape(v)
  elseif t == 'number' then
    if v ~= v or v == huge or v == -huge then error('Cannot serialise number: must not be NaN or Inf', 0) end
    out[#out + 1] = format('%.14g', v)
  elseif t == 'boolean' then out[#out + 1] = tostring(v)
  elseif t == 'nil' or v == null then out[#out + 1] = 'null'
  elseif t == 'table' then encode_table(v, depth + 1, out)
  else error('Cannot serialise ' .. t .. ': type not supported', 0) end
end
local function positioned(f, ...)
  local results = table.pack(rawpcall(f, ...))
  if not results[1] then error(results[2], 3) end
  return table.unpack(results, 2, results.n)
end
local function encode(...)
  if select('#', ...) ~= 1 then error("bad argument #1 to 'encode' (expected 1 argument)", 0) end
  local out = {}
  encode_value((...), 0, out)
  return concat(out)
end
cjson.encode = function(...) return (positioned(encode, ...)) end

local function decode_error(what, s, i)
  local token = sub(s, i, i)
  if token == '' then token = 'end' end
  error('Expected ' .. what .. ' but found ' .. (token == 'end' and 'T_END' or 'invalid token') .. ' at character ' .. i, 0)
end
local function skip(s, i) return (find(s, '[^ \t\r\n]', i)) or #s + 1 end
local decode_value
local function decode_string(s, i)
  local out, j = {}, i + 1
  while true do
    local c = sub(s, j, j)
    if c == '' then decode_error('string', s, i) end
    if c == '"' then return concat(out), j + 1 end
    if c == '\\' then
      local e = sub(s, j + 1, j + 1)
      local map = { b = '\b', f = '\f', n = '\n', r = '\r', t = '\t', ['"'] = '"', ['\\'] = '\\', ['/'] = '/' }
      if map[e] then out[#out + 1] = map[e]; j = j + 2
      elseif e == 'u' then
        local code = tonumber(sub(s, j + 2, j + 5), 16)
        if not code then decode_error('value', s, i) end
        j = j + 6
        if code >= 0xD800 and code <= 0xDBFF and sub(s, j, j + 1) == '\\u' then
          local low = tonumber(sub(s, j + 2, j + 5), 16)
          if low and low >= 0xDC00 and low <= 0xDFFF then code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00); j = j + 6 end
        end
        out[#out + 1] = utf8char(code)
      else decode_error('value', s, i) end
    else
      local stop = find(s, '["\\]', j) or #s + 1
      out[#out + 1] = sub(s, j, stop - 1)
      j = stop
    end
  end
end
decode_value = function(s, i, depth)
  i = skip(s, i)
  local c = sub(s, i, i)
  if c == '{' then
    if depth >= 1000 then error('Found too many nested data structures (' .. (depth + 1) .. ') at character ' .. i, 0) end
    local t = {}
    i = skip(s, i + 1)
    if sub(s, i, i) == '}' then return t, i + 1 end
    while true do
      if sub(s, i, i) ~= '"' then decode_error('object key string', s, i) end
      local k
      k, i = decode_string(s, i)
      i = skip(s, i)
      if sub(s, i, i) ~= ':' then decode_error('colon', s, i) end
      t[k], i = decode_value(s, i + 1, depth + 1)
      i = skip(s, i)
      local d = sub(s, i, i)
      if d == '}' then return t, i + 1 end
      if d ~= ',' then decode_error('comma or object end', s, i) end
      i = skip(s, i + 1)
    end
  elseif c == '[' then
    if depth >= 1000 then error('Found too many nested data structures (' .. (depth + 1) .. ') at character ' .. i, 0) end
    local t, n = {}, 0
    i = skip(s, i + 1)
    if sub(s, i, i) == ']' then return t, i + 1 end
    while true do
      n = n + 1
      t[n], i = decode_value(s, i, depth + 1)
      i = skip(s, i)
      local d = sub(s, i, i)
      if d == ']' then return t, i + 1 end
      if d ~= ',' then decode_error('comma or array end', s, i) end
      i = i + 1
    end
  elseif c == '"' then return decode_string(s, i)
  elseif sub(s, i, i + 3) == 'true' then return true, i + 4
  elseif sub(s, i, i + 4) == 'false' then return false, i + 5
  elseif sub(s, i, i + 3) == 'null' then return null, i + 4
  else
    local text = s:match('^-?%d+%.?%d*[eE]?[-+]?%d*', i)
    if not text or text == '' or text == '-' then decode_error('value', s, i) end
    local n = tonumber(text)
    if n == nil then decode_error('value', s, i) end
    return n, i + #text
  end
end
local function decode(...)
  if select('#', ...) ~= 1 then error("bad argument #1 to 'decode' (expected 1 argument)", 0) end
  local s = ...
  if type(s) ~= 'string' then error("bad argument #1 to 'decode' (string expected, got " .. type(s) .. ")", 0) end
  local v, i = decode_value(s, 1, 0)
  i = skip(s, i)
  if i <= #s then decode_error('the end', s, i) end
  return v
end
cjson.decode = function(...) return (positioned(decode, ...)) end
cjson.encode_keep_buffer = function() end
cjson.encode_max_depth = function(n) return n or 1000 end
cjson.decode_max_depth = function(n) return n or 1000 end
cjson.encode_number_precision = function(n) return n or 14 end
cjson.encode_invalid_numbers = function() return false end
cjson.decode_invalid_numbers = function() return true end
cjson.encode_sparse_array = function() return false, 2, 10 end
G.cjson = cjson

-- cmsgpack (lua-cmsgpack as Redis ships it): integral numbers as the smallest integer, others float32 when exact -----
local spack, sunpack = string.pack, string.unpack
local cmsgpack = { _NAME = 'cmsgpack', _VERSION = 'lua-cmsgpack 0.4.0' }
local function is_array(t)
  local count, max = 0, 0
  for k in next, t do
    if type(k) ~= 'number' or k <= 0 or floor(k) ~= k then return false end
    if k > max then max = k end
    count = count + 1
  end
  return max == count
end
local pack_value
local function pack_integer(n, out)
  if n >= 0 then
    if n <= 127 then out[#out + 1] = char(n)
    elseif n <= 0xff then out[#out + 1] = spack('>BB', 0xcc, n)
    elseif n <= 0xffff then out[#out + 1] = spack('>BI2', 0xcd, n)
    elseif n <= 0xffffffff then out[#out + 1] = spack('>BI4', 0xce, n)
    else out[#out + 1] = spack('>Bi8', 0xcf, n) end
  else
    if n >= -32 then out[#out + 1] = char(n & 0xff)
    elseif n >= -128 then out[#out + 1] = spack('>Bi1', 0xd0, n)
    elseif n >= -32768 then out[#out + 1] = spack('>Bi2', 0xd1, n)
    elseif n >= -2147483648 then out[#out + 1] = spack('>Bi4', 0xd2, n)
    else out[#out + 1] = spack('>Bi8', 0xd3, n) end
  end
end
pack_value = function(v, depth, out)
  local t = type(v)
  if t == 'string' then
    local n = #v
    if n < 32 then out[#out + 1] = char(0xa0 | n)
    elseif n <= 0xff then out[#out + 1] = spack('>BB', 0xd9, n)
    elseif n <= 0xffff then out[#out + 1] = spack('>BI2', 0xda, n)
    else out[#out + 1] = spack('>BI4', 0xdb, n) end
    out[#out + 1] = v
  elseif t == 'boolean' then out[#out + 1] = char(v and 0xc3 or 0xc2)
  elseif t == 'number' then
    local i = mathtype(v) == 'integer' and v or (v == floor(v) and v >= -9.2233720368547758e18 and v < 9.2233720368547758e18 and tointeger(v))
    if i then pack_integer(i, out)
    elseif spack('>f', v) and sunpack('>f', spack('>f', v)) == v then out[#out + 1] = spack('>Bf', 0xca, v)
    else out[#out + 1] = spack('>Bd', 0xcb, v) end
  elseif t == 'table' and depth < 16 then
    if is_array(v) then
      local n = #v
      if n <= 15 then out[#out + 1] = char(0x90 | n)
      elseif n <= 0xffff then out[#out + 1] = spack('>BI2', 0xdc, n)
      else out[#out + 1] = spack('>BI4', 0xdd, n) end
      for i = 1, n do pack_value(rawget(v, i), depth + 1, out) end
    else
      local n = 0
      for _ in next, v do n = n + 1 end
      if n <= 15 then out[#out + 1] = char(0x80 | n)
      elseif n <= 0xffff then out[#out + 1] = spack('>BI2', 0xde, n)
      else out[#out + 1] = spack('>BI4', 0xdf, n) end
      for k, x in next, v do pack_value(k, depth + 1, out) pack_value(x, depth + 1, out) end
    end
  else out[#out + 1] = char(0xc0) end
end
cmsgpack.pack = function(...)
  local n = select('#', ...)
  if n == 0 then error("bad argument #0 to 'pack' (MessagePack pack needs input.)", 2) end
  local out = {}
  for i = 1, n do pack_value((select(i, ...)), 0, out) end
  return concat(out)
end
local unpack_value
local function need(s, i, n) if i + n - 1 > #s then error('Missing bytes in input.', 0) end end
local function unpack_items(s, i, n, map)
  local t = {}
  for _ = 1, n do
    if map then
      local k
      k, i = unpack_value(s, i)
      t[k], i = unpack_value(s, i)
    else
      t[#t + 1], i = unpack_value(s, i)
    end
  end
  return t, i
end
unpack_value = function(s, i)
  need(s, i, 1)
  local b = byte(s, i)
  i = i + 1
  if b <= 0x7f then return b, i
  elseif b >= 0xe0 then return b - 0x100, i
  elseif b >= 0xa0 and b <= 0xbf then need(s, i, b - 0xa0) return sub(s, i, i + b - 0xa1), i + b - 0xa0
  elseif b >= 0x90 and b <= 0x9f then return unpack_items(s, i, b - 0x90, false)
  elseif b >= 0x80 and b <= 0x8f then return unpack_items(s, i, b - 0x80, true)
  elseif b == 0xc0 then return nil, i
  elseif b == 0xc2 then return false, i
  elseif b == 0xc3 then return true, i
  end
  local formats = { [0xcc] = '>B', [0xcd] = '>I2', [0xce] = '>I4', [0xcf] = '>i8', [0xd0] = '>i1', [0xd1] = '>i2',
    [0xd2] = '>i4', [0xd3] = '>i8', [0xca] = '>f', [0xcb] = '>d' }
  local sizes = { [0xcc] = 1, [0xcd] = 2, [0xce] = 4, [0xcf] = 8, [0xd0] = 1, [0xd1] = 2, [0xd2] = 4, [0xd3] = 8, [0xca] = 4, [0xcb] = 8 }
  if formats[b] then
    need(s, i, sizes[b])
    local v = sunpack(formats[b], s, i)
    if b == 0xcf and v < 0 then v = v + 18446744073709551616.0 end
    return v, i + sizes[b]
  end
  -- Redis's lua-cmsgpack predates the bin types: 0xc4-0xc6 are bad data there too.
  local lengths = { [0xd9] = '>B', [0xda] = '>I2', [0xdb] = '>I4' }
  local lsizes = { [0xd9] = 1, [0xda] = 2, [0xdb] = 4 }
  if lengths[b] then
    need(s, i, lsizes[b])
    local n = sunpack(lengths[b], s, i)
    i = i + lsizes[b]
    need(s, i, n)
    return sub(s, i, i + n - 1), i + n
  end
  if b == 0xdc or b == 0xde then need(s, i, 2) return unpack_items(s, i + 2, sunpack('>I2', s, i), b == 0xde) end
  if b == 0xdd or b == 0xdf then need(s, i, 4) return unpack_items(s, i + 4, sunpack('>I4', s, i), b == 0xdf) end
  error('Bad data format in input.', 0)
end
local function unpack_limit(s, limit, offset)
  if type(s) ~= 'string' then error("bad argument #1 to 'unpack' (string expected, got " .. type(s) .. ")", 0) end
  local values, n, i = {}, 0, (offset or 0) + 1
  while i <= #s and (limit == 0 or n < limit) do
    n = n + 1
    values[n], i = unpack_value(s, i)
  end
  return i > #s and -1 or i - 1, table.unpack(values, 1, n)
end
cmsgpack.unpack = function(s)
  return select(2, positioned(unpack_limit, s, 0, 0))
end
cmsgpack.unpack_one = function(s, offset) return positioned(unpack_limit, s, 1, offset) end
cmsgpack.unpack_limit = function(s, limit, offset) return positioned(unpack_limit, s, limit, offset) end
G.cmsgpack = cmsgpack

-- A coroutine has hooks of its own: the ones a script creates are interrupted as the script is.
local cocreate, coresume = coroutine.create, coroutine.resume
coroutine.create = function(f) local co = cocreate(f) arm(co) return co end
coroutine.wrap = function(f)
  local co = coroutine.create(f)
  return function(...)
    local results = table.pack(coresume(co, ...))
    if not results[1] then error(results[2], 2) end
    return table.unpack(results, 2, results.n)
  end
end

-- Lua 5.1's numbers as text ------------------------------------------------------------------------------------------
-- Lua 5.1 writes every number with "%.14g" (10/2 is "5", 2^53 "9.007199254741e+15"); 5.4 writes integers in full and
-- adds ".0" to an integral float. tostring, string.format and table.concat write numbers as 5.1 does; `..` cannot be
-- changed from Lua and keeps 5.4's text (ADR 0031). The prelude's own code keeps the raw functions it captured above.
local mininteger = math.mininteger
local function text51(v) return format('%.14g', v) end
-- A Lua 5.4 error raised by a raw function run under pcall, as the wrapper's caller sees it in 5.1: named as called.
-- An error that is not about an argument keeps its position only when it had one (a luaL_error's, not a runtime
-- error's such as "table index is nil"): positioned says which the function raises.
local function reraise(message, info, name, positioned)
  local narg, rest = string.match(message, "^bad argument #(%d+) to '%?' (.*)$")
  if narg then
    name = info.name or (info.istailcall and name) or '?'
    narg = tonumber(narg)
    if info.namewhat == 'method' then narg = narg - 1 end
    message = narg == 0 and format("calling '%s' on bad self %s", name, rest)
      or format("bad argument #%d to '%s' %s", narg, name, rest)
  elseif not positioned then
    error(message, 0)
  end
  error(message, 3)
end

-- 5.1's error takes a number as a message like a string: positioned, as its 5.1 text. (The raw error is called as a
-- statement, so that the level counts from this function's caller.)
G.error = function(...)
  if select('#', ...) == 0 then error() end
  local message, level = ...
  if type(message) == 'number' then message = text51(message) end
  if level == nil then level = 1 end
  if type(message) == 'string' and mathtype(level) == 'integer' and level > 0 then level = level + 1 end
  error(message, level)
end

G.tostring = function(...)
  local v = ...
  if mathtype(v) == 'integer' and v < 100000000000000 and v > -100000000000000 then return tostring(v) end
  if type(v) == 'number' then return text51(v) end
  if select('#', ...) == 0 then error("bad argument #1 to 'tostring' (value expected)", 2) end
  return tostring(v)
end

-- 5.1's %d, %i and %c take any number and truncate it as C casts a double (%o, %u, %x and %X to an unsigned one);
-- %s and %q take a number as its 5.1 text.
local function signed51(x)
  return tointeger(x >= 0 and floor(x) or -floor(-x)) or mininteger
end
local function unsigned51(x)
  if x >= 0x1p64 then return 0 end
  if x >= 0x1p63 then return tointeger(floor(x - 0x1p63)) ~ mininteger end
  return signed51(x)
end
local integral = { d = signed51, i = signed51, c = signed51, o = unsigned51, u = unsigned51, x = unsigned51, X = unsigned51 }
string.format = function(...)
  local fmt = ...
  local n = select('#', ...)
  -- Strings and integers of up to 14 digits read the same in 5.1 and 5.4 (but for %q): no conversion to look for.
  local plain = type(fmt) == 'string' and not find(fmt, 'q', 1, true)
  for k = 2, plain and n or 0 do
    local v = (select(k, ...))
    if type(v) ~= 'string' and not (mathtype(v) == 'integer' and v < 100000000000000 and v > -100000000000000) then
      plain = false
      break
    end
  end
  if plain then
    local ok, result = rawpcall(format, ...)
    if ok then return result end
  end
  local args
  if type(fmt) == 'string' and n > 1 then
    local i, arg = 1, 1
    while true do
      local percent = find(fmt, '%', i, true)
      if not percent then break end
      if sub(fmt, percent + 1, percent + 1) == '%' then
        i = percent + 2
      else
        local _, last, conversion = find(fmt, '^[-+ #0]*%d*%.?%d*(.)', percent + 1)
        if not conversion then break end
        arg = arg + 1
        if arg > n then break end
        local v = args and args[arg] or (select(arg, ...))
        local t = type(v)
        local replaced
        if integral[conversion] and (t == 'number' or t == 'string') then
          local x = tonumber(v)
          if x and mathtype(x) == 'float' then replaced = integral[conversion](x) end
        elseif (conversion == 's' or conversion == 'q') and t ~= 'string' then
          if t ~= 'number' then
            reraise(format("bad argument #%d to '?' (string expected, got %s)", arg, t), getinfo(1, 'nt'), 'format', true)
          end
          replaced = text51(v)
        end
        if replaced ~= nil then
          args = args or table.pack(...)
          args[arg] = replaced
        end
        i = last + 1
      end
    end
  end
  local ok, result
  if args then ok, result = rawpcall(format, table.unpack(args, 1, n)) else ok, result = rawpcall(format, ...) end
  if ok then return result end
  local spec = string.match(result, "^invalid conversion '(.*)' to 'format'$")
  if spec then result = "invalid option '%" .. (#spec > 1 and sub(spec, -1) or '') .. "' to 'format'" end
  reraise(result, getinfo(1, 'nt'), 'format', true)
end

local rawconcat = concat
table.concat = function(...)
  local t, sep, i, j = ...
  if type(t) == 'table' and (i == nil or mathtype(i) == 'integer') and (j == nil or mathtype(j) == 'integer') then
    local first, last = i or 1, j or #t
    if type(sep) == 'number' then sep = text51(sep) end
    local copy, direct = nil, sep == nil or type(sep) == 'string'
    for k = first, last do
      local kind = type(rawget(t, k))
      if kind == 'number' then
        copy = copy or table.move(t, first, last, 1, {})
        copy[k - first + 1] = text51(rawget(t, k))
      elseif kind ~= 'string' then
        direct = false
        break
      end
    end
    if copy then t, i, j = copy, 1, last - first + 1 end
    -- Only strings in the range (numbers now written as 5.1 does) and a string separator: concat cannot fail.
    if direct then return rawconcat(t, sep, i, j) end
    local ok, result = rawpcall(rawconcat, t, sep, i, j)
    if ok then return result end
    reraise(result, getinfo(1, 'nt'), 'concat', true)
  end
  local ok, result = rawpcall(rawconcat, ...)
  if ok then return result end
  reraise(result, getinfo(1, 'nt'), 'concat', true)
end

-- Lua 5.1's arguments ---------------------------------------------------------------------------------------------
-- Where 5.1 takes an integer it truncates any number (or numeric string) given, as C casts a double; 5.4 refuses a
-- float that is not integral ("number has no integer representation"). A string argument given a number takes its
-- 5.1 text. Arguments 5.4 takes as they are go straight to the raw function; the others are converted and the raw
-- function runs under pcall, so that its error is raised again as the caller's (reraise).
local function int51(v)
  if type(v) == 'string' then v = tonumber(v) or v end
  if mathtype(v) == 'float' then return signed51(v) end
  return v
end
local function finish(info, name, ok, ...)
  if ok then return ... end
  reraise((...), info, name, true)
end
-- raw takes a value of type `first` first (if set), integers from argument `from` to `to` (`required` arguments at
-- least), at most `keep` arguments. The function returned takes the calling wrapper's getinfo before the arguments:
-- the name the wrapper was called by is the one an error gives.
local function adapted(raw, name, first, from, to, required, keep)
  return function(info, ...)
    local n = select('#', ...)
    if keep and n > keep then n = keep end
    local last = to < n and to or n
    local direct = n >= required and (not first or type((...)) == first)
    for k = from, last do
      if not direct then break end
      local v = (select(k, ...))
      direct = mathtype(v) == 'integer' and (name ~= 'char' or (v >= 0 and v <= 255))
    end
    if direct then
      if keep then
        local a, b = ...
        return raw(a, b)
      end
      return raw(...)
    end
    local args = table.pack(...)
    if first == 'table' and type(args[1]) ~= 'table' then
      -- 5.4's table.unpack takes anything with a length; 5.1's unpack checks for a table.
      local got = args.n == 0 and 'no value' or type(args[1])
      return finish(info, name, false, "bad argument #1 to '?' (table expected, got " .. got .. ")")
    end
    if first == 'string' and type(args[1]) == 'number' then args[1] = text51(args[1]) end
    for k = from, last do
      local v = int51(args[k])
      if name == 'char' and mathtype(v) == 'integer' and (v < 0 or v > 255) then
        return finish(info, name, false, "bad argument #" .. k .. " to '?' (invalid value)")
      end
      args[k] = v
    end
    return finish(info, name, rawpcall(raw, table.unpack(args, 1, n)))
  end
end
-- The common calls (a string or a table, then integers) are checked without going through adapted's loop.
local rawsub, rawbyte, rawrep, rawunpack = string.sub, string.byte, string.rep, table.unpack
local sub51, byte51 = adapted(rawsub, 'sub', 'string', 2, 3, 2), adapted(rawbyte, 'byte', 'string', 2, 3, 1)
local rep51, unpack51 = adapted(rawrep, 'rep', 'string', 2, 2, 2, 2), adapted(rawunpack, 'unpack', 'table', 2, 3, 1)
string.sub = function(...)
  local s, i, j = ...
  if type(s) == 'string' and mathtype(i) == 'integer' and (j == nil or mathtype(j) == 'integer') then return rawsub(s, i, j) end
  return sub51(getinfo(1, 'nt'), ...)
end
string.byte = function(...)
  local s, i, j = ...
  if type(s) == 'string' and (i == nil or mathtype(i) == 'integer') and (j == nil or mathtype(j) == 'integer') then
    return rawbyte(s, i, j)
  end
  return byte51(getinfo(1, 'nt'), ...)
end
string.rep = function(...)
  local s, n = ...
  if type(s) == 'string' and mathtype(n) == 'integer' then return rawrep(s, n) end
  return rep51(getinfo(1, 'nt'), ...)
end
G.unpack = function(...)
  local t, i, j = ...
  if type(t) == 'table' and (i == nil or mathtype(i) == 'integer') and (j == nil or mathtype(j) == 'integer') then
    return rawunpack(t, i, j)
  end
  return unpack51(getinfo(1, 'nt'), ...)
end
local char51 = adapted(string.char, 'char', nil, 1, math.maxinteger, 0)
string.char = function(...) return char51(getinfo(1, 'nt'), ...) end

-- 5.1's math.max and math.min take numeric strings as numbers (5.4's compare the values as they are).
local function extreme(raw, name)
  return function(...)
    local n = select('#', ...)
    local numbers = n > 0
    for k = 1, n do
      if not mathtype((select(k, ...))) then
        numbers = false
        break
      end
    end
    if numbers then return raw(...) end
    local args = table.pack(...)
    for k = 1, n > 0 and n or 1 do
      local v = args[k]
      local t = type(v)
      local x = (t == 'number' or t == 'string') and tonumber(v) or nil
      if x == nil then
        reraise(format("bad argument #%d to '?' (number expected, got %s)", k, n == 0 and 'no value' or t), getinfo(1, 'nt'), name, true)
      end
      args[k] = x
    end
    return raw(table.unpack(args, 1, n))
  end
end
math.max = extreme(math.max, 'max')
math.min = extreme(math.min, 'min')

-- 5.1's tonumber reads "inf", "infinity" and "nan" (strtod's words, any case, signed); 5.4's refuses them.
local rawtonumber = tonumber
local words = { inf = huge, infinity = huge, nan = -(0 / 0) }
G.tonumber = function(...)
  local v, base = ...
  -- Base 10 is 5.1's default conversion, not 5.4's digits-only one.
  if (base == nil or base == 10) and select('#', ...) >= 1 then
    local n = rawtonumber(v)
    if n == nil and type(v) == 'string' then
      local sign, word = string.match(v, '^%s*([-+]?)(%a+)%s*$')
      n = word and words[string.lower(word)]
      if n and sign == '-' then n = -n end
    end
    return n
  end
  local n = select('#', ...)
  local args = table.pack(...)
  args[2] = int51(args[2])
  return finish(getinfo(1, 'nt'), 'tonumber', rawpcall(rawtonumber, table.unpack(args, 1, n)))
end

-- Read-only globals, as Redis 7 locks them ----------------------------------------------------------------------------
local proxies = setmetatable({}, { __mode = 'k' })
local function readonly(table_)
  local proxy = setmetatable({}, {
    __index = table_,
    __newindex = function() error('Attempt to modify a readonly table', 2) end,
    __pairs = function() return next, table_, nil end,
    __len = function() return #table_ end,
    __metatable = false,
  })
  proxies[proxy] = true
  return proxy
end
-- Redis's patched Lua refuses a raw write to a read-only table too (without a position).
G.rawset = function(...)
  if proxies[(...)] then error('Attempt to modify a readonly table', 0) end
  local ok, result = rawpcall(rawset, ...)
  if ok then return result end
  reraise(result, getinfo(1, 'nt'), 'rawset', false)
end
for _, name in ipairs({ 'string', 'table', 'math', 'coroutine', 'bit', 'cjson', 'cmsgpack', 'struct', 'redis' }) do
  rawset(G, name, readonly(rawget(G, name)))
end
-- The strings' metatable is read-only too: getmetatable('') is a proxy of it, and its __index the read-only string.
local stringmt = getmetatable('')
rawset(stringmt, '__index', rawget(G, 'string'))
rawset(stringmt, '__metatable', readonly(stringmt))
-- setmetatable of a read-only table is refused as a write; the raw setmetatable runs under pcall, so that its own
-- error ("cannot change a protected metatable") is raised again as the caller's.
local setmetatable_gc = G.setmetatable
G.setmetatable = function(...)
  local t, mt = ...
  if proxies[t] then error('Attempt to modify a readonly table', 0) end
  local ok, result
  if type(mt) == 'table' and rawget(mt, '__gc') ~= nil then
    ok, result = rawpcall(setmetatable_gc, ...)
  else
    ok, result = rawpcall(setmetatable, ...)
  end
  if ok then return result end
  reraise(result, getinfo(1, 'nt'), 'setmetatable', true)
end
setmetatable(G, { __index = function(_, k) error("Script attempted to access nonexistent global variable '" .. tostring(k) .. "'", 2) end })
local env = readonly(G)
rawset(G, '_G', env)

-- Lua 5.1's load (a reader function) and loadstring: text only, never bytecode, and the chunk sees the read-only globals.
local rawload = load
G.load = function(chunk, name)
  if type(chunk) ~= 'function' then
    error("bad argument #1 to 'load' (function expected, got " .. (chunk == nil and 'no value' or type(chunk)) .. ")", 2)
  end
  return rawload(chunk, name or '=(load)', 't', env)
end
G.loadstring = function(chunk, name)
  if type(chunk) ~= 'string' and type(chunk) ~= 'number' then
    error("bad argument #1 to 'loadstring' (string expected, got " .. (chunk == nil and 'no value' or type(chunk)) .. ")", 2)
  end
  chunk = tostring(chunk)
  return rawload(chunk, name or chunk, 't', env)
end

-- __redis__err__handler: the error as a table {err=..., source=..., line=...}, the line the script was on.
local function handler(err)
  if type(err) ~= 'table' then err = { err = 'ERR ' .. tostring(err) } end
  if rawget(err, 'source') == nil then where(err, 2) end
  return err
end
arm()
return handler, env, mark, take_pending, arm
""";
}
