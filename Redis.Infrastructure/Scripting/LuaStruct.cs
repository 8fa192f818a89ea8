namespace Redis.Infrastructure.Scripting;

/// <summary>
/// Redis 7.0's <c>struct</c> library (<c>deps/lua/src/lua_struct.c</c>) written in Lua, run once per Lua state before
/// <see cref="LuaPrelude"/>, which makes its table read-only like the other libraries' (ADR 0031).
/// </summary>
/// <remarks>
/// <para>
/// The C library as Redis builds it on x86-64: native byte order little-endian, <c>long</c> and <c>size_t</c> of 8
/// bytes, <c>int</c> of 4, a default maximum alignment (<c>!</c> without a number) of 8, integers of up to 32 bytes
/// packed from a 64-bit value (bytes past the eighth are zero) and unpacked into one (only eight bytes count), and
/// every number a double: a number packed as an integer is converted as C converts a double to <c>unsigned long</c>
/// (out-of-range values and NaN give <c>0x8000000000000000</c>, 2^64 and more give 0), and an unpacked one is the
/// double C computes, here an integer when it is integral within 2^53 and a float otherwise.
/// </para>
/// <para>
/// Errors carry the C library's texts, with <c>luaL_error</c>'s position (where the script called the function) and
/// <c>luaL_argerror</c>'s <c>bad argument #n to 'name'</c>, the name the function was called by.
/// </para>
/// </remarks>
internal static class LuaStruct
{
    public const string Source = """
local type, tonumber, error, select, format = type, tonumber, error, select, string.format
local byte, sub, rep, reverse, find, concat = string.byte, string.sub, string.rep, string.reverse, string.find, table.concat
local spack, sunpack, tunpack = string.pack, string.unpack, table.unpack
local floor, tointeger, mathtype, ult, mininteger = math.floor, math.tointeger, math.type, math.ult, math.mininteger
local getinfo = debug.getinfo

local names = {}

-- luaL_error, with luaL_argerror's prefix when narg is given: the position is where the script called struct.*.
local function fail(narg, msg)
  local level, info = 2, nil
  repeat
    info = getinfo(level, 'fnt')
    level = level + 1
  until not info or names[info.func]
  if info then
    if narg then
      local name = info.name or (info.istailcall and names[info.func]) or '?'
      if info.namewhat == 'method' then narg = narg - 1 end
      if narg == 0 then
        msg = format("calling '%s' on bad self (%s)", name, msg)
      else
        msg = format("bad argument #%d to '%s' (%s)", narg, name, msg)
      end
    end
    local caller = getinfo(level, 'Sl')
    if caller and caller.currentline > 0 then msg = caller.short_src .. ':' .. caller.currentline .. ': ' .. msg end
  end
  error(msg, 0)
end

-- luaL_checklstring: a number becomes its Lua 5.1 text; a C string ends at its first zero byte (the format's).
local function checkstring(v, narg, absent)
  local t = type(v)
  if t == 'string' then return v end
  if t == 'number' then return format('%.14g', v) end
  fail(narg, 'string expected, got ' .. (absent and 'no value' or t))
end
local function checkformat(v, absent)
  local fmt = checkstring(v, 1, absent)
  local nul = find(fmt, '\0', 1, true)
  return nul and sub(fmt, 1, nul - 1) or fmt
end
-- luaL_checknumber: a number or a string that reads as one.
local function checknumber(v, narg)
  local t = type(v)
  local n = (t == 'number' or t == 'string') and tonumber(v) or nil
  if n == nil then fail(narg, 'number expected, got ' .. t) end
  return n
end

-- C's conversions of a double to a 64-bit signed and unsigned integer as gcc compiles them on x86-64 (cvttsd2si:
-- NaN and out-of-range values give 0x8000000000000000). A Lua 5.4 integer is first the double 5.1 would hold.
local function toint(d)
  if mathtype(d) == 'integer' then
    if d >= -0x20000000000000 and d <= 0x20000000000000 then return d end
    d = d + 0.0
  end
  if d ~= d or d >= 0x1p63 then return mininteger end
  return tointeger(d >= 0 and floor(d) or -floor(-d)) or mininteger
end
local function touint(d)
  if mathtype(d) == 'float' and d >= 0x1p63 then
    if d >= 0x1p64 then return 0 end
    return tointeger(floor(d - 0x1p63)) ~ mininteger
  end
  return toint(d)
end

-- The double an unpacked value is in Lua 5.1, as a 5.4 value: integral values within 2^53 as integers.
local function number51(v)
  if v == floor(v) and v >= -0x1p53 and v <= 0x1p53 and not (v == 0 and 1 / v < 0) then return tointeger(v) end
  return v
end

local function getnum(fmt, i, default)
  local d = byte(fmt, i)
  if not d or d < 48 or d > 57 then return default, i end
  local a = 0
  repeat
    d = d - 48
    if a > 214748364 or a * 10 > 2147483647 - d then fail(nil, 'integral size overflow') end
    a = a * 10 + d
    i = i + 1
    d = byte(fmt, i)
  until not d or d < 48 or d > 57
  return a, i
end

local sizes = { B = 1, b = 1, H = 2, h = 2, L = 8, l = 8, T = 8, f = 4, d = 8, x = 1 }
local integers = { B = false, b = true, H = false, h = true, L = false, l = true, T = false, I = false, i = true }

-- The option at i, its size (optsize; 0 for those that take no room of their own) and where the next one starts.
local function option(fmt, i)
  local opt = sub(fmt, i, i)
  i = i + 1
  local size = sizes[opt]
  if size then return opt, size, i end
  if opt == 'c' then
    size, i = getnum(fmt, i, 1)
    return opt, size, i
  end
  if opt == 'i' or opt == 'I' then
    size, i = getnum(fmt, i, 4)
    if size > 32 then fail(nil, format('integral size %d is larger than limit of %d', size, 32)) end
    return opt, size, i
  end
  return opt, 0, i
end

local function gettoalign(len, align, opt, size)
  if size == 0 or opt == 'c' then return 0 end
  if size > align then size = align end
  return (size - (len & (size - 1))) & (size - 1)
end

-- The options that set byte order and alignment; anything else is not an option.
local function control(opt, fmt, i, little, align)
  if opt == ' ' then return i, little, align end
  if opt == '>' then return i, false, align end
  if opt == '<' then return i, true, align end
  if opt == '!' then
    local a
    a, i = getnum(fmt, i, 8)
    if a <= 0 or a & (a - 1) ~= 0 then fail(nil, format('alignment %d is not a power of 2', a)) end
    return i, little, a
  end
  fail(1, format("invalid format option '%s'", opt))
end

local function putinteger(n, size, little)
  local bytes = spack('<j', touint(n))
  if size <= 8 then bytes = sub(bytes, 1, size) else bytes = bytes .. rep('\0', size - 8) end
  return little and bytes or reverse(bytes)
end

local unsigned = { '<I1', '<I2', '<I3', '<I4', '<I5', '<I6', '<I7', '<I8' }
local function getinteger(data, pos, size, little, signed)
  local k = size < 8 and size or 8
  local l = 0
  if k > 0 then
    local bytes = little and sub(data, pos + 1, pos + k) or reverse(sub(data, pos + size - k + 1, pos + size))
    l = sunpack(unsigned[k], bytes)
  end
  if signed then
    local mask = -1 << ((size * 8 - 1) & 63)
    if l & mask ~= 0 then l = l | mask end
    return l + 0.0
  end
  if l >= 0 then return l + 0.0 end
  return (((l >> 1) | (l & 1)) + 0.0) * 2.0
end

local function pack(...)
  local fmt = checkformat((...), select('#', ...) < 1)
  local out, total, arg = {}, 0, 2
  local little, align = true, 1
  local i, len = 1, #fmt
  while i <= len do
    local opt, size
    opt, size, i = option(fmt, i)
    local toalign = gettoalign(total, align, opt, size)
    total = total + toalign
    if toalign > 0 then out[#out + 1] = rep('\0', toalign) end
    if integers[opt] ~= nil then
      out[#out + 1] = putinteger(checknumber((select(arg, ...)), arg), size, little)
      arg = arg + 1
    elseif opt == 'x' then
      out[#out + 1] = '\0'
    elseif opt == 'f' or opt == 'd' then
      out[#out + 1] = spack((little and '<' or '>') .. opt, checknumber((select(arg, ...)), arg))
      arg = arg + 1
    elseif opt == 'c' or opt == 's' then
      local s = checkstring((select(arg, ...)), arg, false)
      arg = arg + 1
      local l = #s
      if size == 0 then size = l end
      if l < size then fail(arg, 'string too short') end
      out[#out + 1] = size == l and s or sub(s, 1, size)
      if opt == 's' then
        out[#out + 1] = '\0'
        size = size + 1
      end
    else
      i, little, align = control(opt, fmt, i, little, align)
    end
    total = total + size
  end
  return concat(out)
end

local function unpack(...)
  local nargs = select('#', ...)
  local fmt, data, pos = ...
  fmt = checkformat(fmt, nargs < 1)
  data = checkstring(data, 2, nargs < 2)
  if pos == nil then
    pos = 1
  else
    local n = (type(pos) == 'number' or type(pos) == 'string') and tonumber(pos) or nil
    if n == nil then fail(3, 'number expected, got ' .. type(pos)) end
    pos = toint(n)
  end
  if pos == 0 then fail(3, 'offset must be 1 or greater') end
  pos = pos - 1
  local ld = #data
  local results, n = {}, 0
  local little, align = true, 1
  local i, len = 1, #fmt
  while i <= len do
    local opt, size
    opt, size, i = option(fmt, i)
    pos = pos + gettoalign(pos, align, opt, size)
    if ult(ld, size) or ult(ld - size, pos) then fail(2, 'data string too short') end
    -- luaL_checkstack under Lua 5.1's limit of 8000 slots for a C function (its arguments and its results).
    if nargs + n + 2 > 8000 then fail(nil, 'stack overflow (too many results)') end
    local signed = integers[opt]
    if signed ~= nil then
      n = n + 1
      results[n] = number51(getinteger(data, pos, size, little, signed))
    elseif opt == 'f' or opt == 'd' then
      n = n + 1
      results[n] = number51(sunpack((little and '<' or '>') .. opt, data, pos + 1))
    elseif opt == 'c' then
      if size == 0 then
        local previous = n > 0 and results[n]
        local count = (type(previous) == 'number' or type(previous) == 'string') and tonumber(previous) or nil
        if count == nil then fail(nil, "format 'c0' needs a previous size") end
        size = touint(count)
        n = n - 1
        if ult(ld, size) or ult(ld - size, pos) then fail(2, 'data string too short') end
      end
      n = n + 1
      results[n] = sub(data, pos + 1, pos + size)
    elseif opt == 's' then
      local nul = find(data, '\0', pos + 1, true)
      if not nul then fail(nil, 'unfinished string in data') end
      size = nul - pos
      n = n + 1
      results[n] = sub(data, pos + 1, nul - 1)
    elseif opt ~= 'x' then
      i, little, align = control(opt, fmt, i, little, align)
    end
    pos = pos + size
  end
  results[n + 1] = pos + 1
  return tunpack(results, 1, n + 1)
end

local function size(...)
  local fmt = checkformat((...), select('#', ...) < 1)
  local pos, align = 0, 1
  local i, len = 1, #fmt
  while i <= len do
    local opt, size
    opt, size, i = option(fmt, i)
    pos = pos + gettoalign(pos, align, opt, size)
    if opt == 's' then
      fail(1, "option 's' has no fixed size")
    elseif opt == 'c' and size == 0 then
      fail(1, "option 'c0' has no fixed size")
    end
    -- Letters and digits that are not options are skipped here (the C code only checks the others).
    if not find(opt, '^%w') then
      local _
      i, _, align = control(opt, fmt, i, true, align)
    end
    pos = pos + size
  end
  return pos
end

names[pack], names[unpack], names[size] = 'pack', 'unpack', 'size'
_G.struct = { pack = pack, unpack = unpack, size = size }
""";
}
