using System.Text;
using Redis.Application.Sessions;
using Redis.Infrastructure.Scripting;
using Redis.Protocol;

namespace Redis.Infrastructure.Tests.Scripting;

/// <summary>What the engine tests send: <c>EVAL script 0</c>, <c>EVALSHA sha 0</c>, and a script's digest as Redis names it.</summary>
internal static class EngineCalls
{
    public static Reply Eval(this LuaScriptEngine engine, ClientSession caller, string script)
    {
        var args = CommandArgs.From("EVAL", script, "0");
        return engine.Run(caller, args[1], bySha: false, args, firstKey: 3, keyCount: 0, readOnly: false);
    }

    public static Reply EvalSha(this LuaScriptEngine engine, ClientSession caller, string sha)
    {
        var args = CommandArgs.From("EVALSHA", sha, "0");
        return engine.Run(caller, args[1], bySha: true, args, firstKey: 3, keyCount: 0, readOnly: false);
    }

    public static string Sha(string script) =>
#pragma warning disable CA5350 // Redis's script digest.
        Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes(script)));
#pragma warning restore CA5350
}
