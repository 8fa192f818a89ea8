using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Redis.Application.Propagation;
using Redis.Application.Scripting;
using Redis.Application.Sessions;
using Redis.Domain.Keys;
using Redis.Infrastructure.Configuration;
using Redis.Infrastructure.Scripting;
using Redis.Protocol;

namespace Redis.Infrastructure.Tests.Scripting;

/// <summary>
/// The engine alone, on scripts that call no command: Redis 7.0's conversion of Lua values to replies, its error texts
/// and the sandbox. The commands a script calls are the end-to-end tests' and the differential corpus's.
/// </summary>
public sealed class LuaScriptEngineTests : IDisposable
{
    private readonly LuaScriptEngine _engine = new(null!, null!, new CommandPropagation(new Databases(16)), new RunningScript(new ServerSettings(Options.Create(new RedisServerOptions())), TimeProvider.System), null!, NullLogger<LuaScriptEngine>.Instance);
    private readonly ClientSession _caller = ClientSession.ForScript();

    public void Dispose() => _engine.Dispose();

    [Theory]
    [InlineData("return 3.99", ":3")]
    [InlineData("return -3.99", ":-3")]
    [InlineData("return 9007199254740993", ":9007199254740993")]
    [InlineData("return 'text'", "\"text\"")]
    [InlineData("return true", ":1")]
    [InlineData("return false", "(nil)")]
    [InlineData("return nil", "(nil)")]
    [InlineData("return {}", "[]")]
    [InlineData("return {1, 2, nil, 4}", "[:1, :2]")]
    [InlineData("return {ok='fine'}", "+fine")]
    [InlineData("return {ok='OK'}", "+OK")]
    [InlineData("return {err='bad'}", "-bad")]
    [InlineData("return {err='a\\nb'}", "-a b")]
    [InlineData("return {double=1.5}", "(double) 1.5")]
    [InlineData("return {big_number='123'}", "(big number) 123")]
    [InlineData("return {map={a=1}}", "{\"a\" => :1}")]
    [InlineData("return {set={a=true}}", "~[\"a\"]")]
    [InlineData("return {verbatim_string={format='txt', string='hi'}}", "\"hi\"")]
    [InlineData("return function() end", "(nil)")]
    [InlineData("return {1, {2, {ok='x'}}}", "[:1, [:2, +x]]")]
    public void LuaValuesBecomeRedisReplies(string script, string expected) =>
        Assert.Equal(expected, Eval(script).ToString());

    [Theory]
    [InlineData("redis.setresp(3) return true", "(true)")]
    [InlineData("redis.setresp(3) return false", "(false)")]
    [InlineData("redis.setresp(2) return false", "(nil)")]
    public void BooleansFollowTheScriptsProtocol(string script, string expected) =>
        Assert.Equal(expected, Eval(script).ToString());

    [Fact]
    public void KeysAndArgvAreTheWordsAfterNumkeys()
    {
        var args = CommandArgs.From("EVAL", "return {KEYS[1], KEYS[2], ARGV[1], #ARGV}", "2", "k1", "k2", "a1");

        var reply = _engine.Run(_caller, args[1], bySha: false, args, firstKey: 3, keyCount: 2, readOnly: false);

        Assert.Equal("[\"k1\", \"k2\", \"a1\", :1]", reply.ToString());
    }

    [Theory]
    [InlineData("return foo(", "-ERR Error compiling script (new function): user_script:1: unexpected symbol near '<eof>'")]
    [InlineData("error('boom')", "-ERR user_script:1: boom script: {sha}, on @user_script:1.")]
    [InlineData("error({err='MY boom'})", "-MY boom script: {sha}, on @user_script:1.")]
    [InlineData("x = 1", "-ERR user_script:1: Attempt to modify a readonly table script: {sha}, on @user_script:1.")]
    [InlineData("string.x = 1", "-ERR user_script:1: Attempt to modify a readonly table script: {sha}, on @user_script:1.")]
    [InlineData("return y", "-ERR user_script:1: Script attempted to access nonexistent global variable 'y' script: {sha}, on @user_script:1.")]
    [InlineData("return os", "-ERR user_script:1: Script attempted to access nonexistent global variable 'os' script: {sha}, on @user_script:1.")]
    [InlineData("return io", "-ERR user_script:1: Script attempted to access nonexistent global variable 'io' script: {sha}, on @user_script:1.")]
    [InlineData("return loadfile", "-ERR user_script:1: Script attempted to access nonexistent global variable 'loadfile' script: {sha}, on @user_script:1.")]
    [InlineData("return redis.setresp(4)", "-ERR RESP version must be 2 or 3. script: {sha}, on @user_script:1.")]
    [InlineData("\nlocal a = 1\nerror('third')", "-ERR user_script:3: third script: {sha}, on @user_script:3.")]
    public void ErrorsCarryRedisTextsAndTheScriptsLine(string script, string expected)
    {
        var sha = Sha(script);
        Assert.Equal(expected.Replace("{sha}", sha, StringComparison.Ordinal), Eval(script).ToString());
    }

    [Theory]
    [InlineData("return unpack({1, 2})", ":1")]
    [InlineData("return table.getn({1, 2, 3})", ":3")]
    [InlineData("return math.pow(2, 10)", ":1024")]
    [InlineData("return cjson.encode({1, 'a/b', true})", "\"[1,\\\"a\\\\/b\\\",true]\"")]
    [InlineData("return cjson.decode('{\"a\":[10,20]}').a[2]", ":20")]
    [InlineData("return cjson.decode('[1,null]')[2] == cjson.null", ":1")]
    [InlineData("return bit.band(0xff, 0x0f)", ":15")]
    [InlineData("return bit.lshift(1, 31)", ":-2147483648")]
    [InlineData("return bit.tohex(255)", "\"000000ff\"")]
    [InlineData("return bit.arshift(-256, 4)", ":-16")]
    [InlineData("return redis.sha1hex('')", "\"da39a3ee5e6b4b0d3255bfef95601890afd80709\"")]
    [InlineData("return redis.error_reply('My Err')", "-My Err")]
    [InlineData("return redis.error_reply('bad')", "-ERR bad")]
    [InlineData("return redis.status_reply('FINE')", "+FINE")]
    [InlineData("local ok, e = pcall(error, {err='X'}) return e", "\"X\"")]
    public void TheLibrariesBehaveAsRedissDo(string script, string expected) =>
        Assert.Equal(expected, Eval(script).ToString());

    [Fact]
    public void ALoadedScriptRunsByItsDigestInAnyCaseUntilFlushed()
    {
        var sha = Encoding.ASCII.GetString(_engine.Load("return 'cached'"u8).Bytes);
        var args = CommandArgs.From("EVALSHA", sha.ToUpperInvariant(), "0");

        Assert.Equal(Sha("return 'cached'"), sha);
        Assert.True(_engine.Exists(Encoding.ASCII.GetBytes(sha.ToUpperInvariant())));
        Assert.Equal("\"cached\"", _engine.Run(_caller, args[1], bySha: true, args, 3, 0, readOnly: false).ToString());

        _engine.Flush();

        Assert.False(_engine.Exists(Encoding.ASCII.GetBytes(sha)));
        Assert.Equal("-NOSCRIPT No matching script. Please use EVAL.", _engine.Run(_caller, args[1], bySha: true, args, 3, 0, readOnly: false).ToString());
    }

    [Fact]
    public void AScriptDeclaringWritesIsRefusedReadOnly()
    {
        var args = CommandArgs.From("EVAL_RO", "#!lua\nreturn 1", "0");

        var reply = _engine.Run(_caller, args[1], bySha: false, args, 3, 0, readOnly: true);

        Assert.Equal("-ERR Can not execute a script with write flag using *_ro command.", reply.ToString());
    }

    private Reply Eval(string script)
    {
        var args = CommandArgs.From("EVAL", script, "0");
        return _engine.Run(_caller, args[1], bySha: false, args, firstKey: 3, keyCount: 0, readOnly: false);
    }

    private static string Sha(string script) =>
#pragma warning disable CA5350 // Redis's script digest.
        Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(Encoding.UTF8.GetBytes(script)));
#pragma warning restore CA5350
}
