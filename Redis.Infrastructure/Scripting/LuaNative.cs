using System.Runtime.InteropServices;

namespace Redis.Infrastructure.Scripting;

/// <summary>The few functions of Lua 5.4's C API the script engine calls, bound to the <c>lua54</c> library KeraLua ships.</summary>
/// <remarks>
/// Bound here rather than through KeraLua's <c>Lua</c> class: strings cross as byte pointers and lengths (a script's
/// values are binary, never UTF-16), and callbacks are <c>[UnmanagedCallersOnly]</c> function pointers, so a call from
/// a script into the server marshals nothing and allocates nothing. Lua 5.4 macros (<c>lua_pcall</c>,
/// <c>lua_tostring</c>, <c>lua_pop</c>, ...) are the functions they expand to. The short functions that never call
/// back into .NET (stack access, pushes, raw table access on tables without metatables) skip the GC transition; the
/// calls that run Lua code (<c>lua_pcallk</c>, <c>lua_callk</c>) and compiling keep it.
/// </remarks>
internal static unsafe partial class LuaNative
{
    private const string Library = "lua54";

    public const int RegistryIndex = -1000000 - 1000;
    public const int MultipleResults = -1;

    public const int TypeNil = 0, TypeBoolean = 1, TypeLightUserData = 2, TypeNumber = 3, TypeString = 4, TypeTable = 5, TypeFunction = 6;

    public const int StatusOk = 0;

    public const int HookMaskCount = 1 << 3;

    [LibraryImport(Library)]
    public static partial nint luaL_newstate();

    [LibraryImport(Library)]
    public static partial void lua_close(nint state);

    [LibraryImport(Library)]
    public static partial void luaL_requiref(nint state, byte* name, nint open, int global);

    [LibraryImport(Library)]
    public static partial int luaL_loadbufferx(nint state, byte* buffer, nint size, byte* name, byte* mode);

    [LibraryImport(Library)]
    public static partial int lua_pcallk(nint state, int arguments, int results, int handler, nint context, nint continuation);

    [LibraryImport(Library)]
    public static partial void lua_callk(nint state, int arguments, int results, nint context, nint continuation);

    [LibraryImport(Library)]
    public static partial void lua_sethook(nint state, nint hook, int mask, int count);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int lua_gettop(nint state);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial void lua_settop(nint state, int index);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int lua_checkstack(nint state, int count);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial void lua_pushvalue(nint state, int index);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int lua_type(nint state, int index);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int lua_isinteger(nint state, int index);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial long lua_tointegerx(nint state, int index, int* isNumber);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial double lua_tonumberx(nint state, int index, int* isNumber);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int lua_toboolean(nint state, int index);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial byte* lua_tolstring(nint state, int index, nint* length);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial void lua_pushnil(nint state);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial void lua_pushinteger(nint state, long value);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial void lua_pushnumber(nint state, double value);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial void lua_pushboolean(nint state, int value);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial byte* lua_pushlstring(nint state, byte* value, nint length);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial void lua_pushlightuserdata(nint state, nint pointer);

    [LibraryImport(Library)]
    public static partial void lua_pushcclosure(nint state, delegate* unmanaged<nint, int> function, int upvalues);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial void lua_createtable(nint state, int arrayItems, int hashItems);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int lua_rawget(nint state, int index);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int lua_rawgeti(nint state, int index, long n);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial void lua_rawset(nint state, int index);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial void lua_rawseti(nint state, int index, long n);

    [LibraryImport(Library)]
    public static partial int lua_getfield(nint state, int index, byte* name);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial void lua_setfield(nint state, int index, byte* name);

    [LibraryImport(Library)]
    public static partial int lua_getglobal(nint state, byte* name);

    [LibraryImport(Library)]
    public static partial void lua_setglobal(nint state, byte* name);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial int lua_next(nint state, int index);

    [LibraryImport(Library)]
    public static partial void lua_settable(nint state, int index);

    [LibraryImport(Library)]
    public static partial byte* lua_setupvalue(nint state, int function, int n);

    [LibraryImport(Library)]
    [SuppressGCTransition]
    public static partial nint lua_touserdata(nint state, int index);

    [LibraryImport(Library)]
    public static partial int luaL_ref(nint state, int table);

    [LibraryImport(Library)]
    public static partial int lua_gc(nint state, int what, int argument);

    /// <summary>The address of a function the library exports (the <c>luaopen_*</c> openers).</summary>
    public static nint Export(string name) => NativeLibrary.GetExport(Handle.Value, name);

    private static readonly Lazy<nint> Handle = new(() => NativeLibrary.Load(Library, typeof(LuaNative).Assembly, null));

    public static void Pop(nint state, int count) => lua_settop(state, -count - 1);

    public static void PushBytes(nint state, ReadOnlySpan<byte> value)
    {
        fixed (byte* bytes = value)
        {
            lua_pushlstring(state, bytes, value.Length);
        }
    }

    /// <summary>The string (or number, converted in place) at <paramref name="index"/>; false for any other type.</summary>
    public static bool TryGetBytes(nint state, int index, out ReadOnlySpan<byte> value)
    {
        nint length;
        var bytes = lua_tolstring(state, index, &length);
        value = bytes is null ? default : new ReadOnlySpan<byte>(bytes, checked((int)length));
        return bytes is not null;
    }

    /// <summary><c>lua_rawget</c> of a string field of the table at <paramref name="index"/> (negative indexes allowed), pushing it; returns its type.</summary>
    public static int RawGetField(nint state, int index, ReadOnlySpan<byte> name)
    {
        var table = index < 0 && index > RegistryIndex ? lua_gettop(state) + index + 1 : index;
        PushBytes(state, name);
        return lua_rawget(state, table);
    }
}
