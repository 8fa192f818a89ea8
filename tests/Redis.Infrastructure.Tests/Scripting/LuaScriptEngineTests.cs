using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Redis.Application.Common;
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
    private readonly LuaScriptEngine _engine = new(null!, null!, new CommandPropagation(new Databases(16)), new RunningScript(new ServerSettings(Options.Create(new RedisServerOptions())), TimeProvider.System), new ErrorStatistics(), null!, NullLogger<LuaScriptEngine>.Instance);
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
    [InlineData("rawset(_G, 'x', 1)", "-ERR Attempt to modify a readonly table script: {sha}, on @user_script:1.")]
    [InlineData("local x = string.format('%d', 'y') return x", "-ERR user_script:1: bad argument #2 to 'format' (number expected, got string) script: {sha}, on @user_script:1.")]
    [InlineData("local x = string.sub(nil, 1.5) return x", "-ERR user_script:1: bad argument #1 to 'sub' (string expected, got nil) script: {sha}, on @user_script:1.")]
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
    [InlineData("return tostring(10/2)", "\"5\"")]
    [InlineData("return tostring(2^53)", "\"9.007199254741e+15\"")]
    [InlineData("return string.format('%d|%s', 3.7, 2.0)", "\"3|2\"")]
    [InlineData("return table.concat({1, 2.0, 'x'}, ',')", "\"1,2,x\"")]
    [InlineData("return string.sub('abcdef', 2, 3.5)", "\"bc\"")]
    [InlineData("return tonumber('-inf') < 0", ":1")]
    [InlineData("return coroutine.running()", "(nil)")]
    public void TheLibrariesBehaveAsRedissDo(string script, string expected) =>
        Assert.Equal(expected, Eval(script).ToString());

    [Theory]
    [InlineData("return struct.pack('>I4', 1)", "\"\\x00\\x00\\x00\\x01\"")]
    [InlineData("return struct.pack('<h', -2)", "\"\\xfe\\xff\"")]
    [InlineData("return {struct.unpack('BB', 'ab')}", "[:97, :98, :3]")]
    [InlineData("return {struct.unpack('>I4', struct.pack('>I4', 4294967295))}", "[:4294967295, :5]")]
    [InlineData("return {struct.unpack('>Hc0', struct.pack('>Hc0', 3, 'abc'))}", "[\"abc\", :6]")]
    [InlineData("return {struct.unpack('!bd', struct.pack('!bd', 1, 2.5))}", "[:1, :2, :17]")]
    [InlineData("return struct.size('!bi3d')", ":16")]
    [InlineData("return struct.unpack('>d', struct.pack('>d', 0.5)) == 0.5", ":1")]
    [InlineData("return math.type(struct.unpack('>I8', string.rep('\\255', 8)))", "\"float\"")]
    public void TheStructLibraryPacksAsRedissDoes(string script, string expected) =>
        Assert.Equal(expected, Eval(script).ToString());

    [Theory]
    [InlineData("local x = struct.pack('z') return x", "-ERR user_script:1: bad argument #1 to 'pack' (invalid format option 'z') script: {sha}, on @user_script:1.")]
    [InlineData("local p = struct.unpack\nlocal x = p('I4', 'ab') return x", "-ERR user_script:2: bad argument #2 to 'p' (data string too short) script: {sha}, on @user_script:2.")]
    [InlineData("local ok, e = pcall(struct.size, 's') return e", "\"bad argument #1 to '?' (option 's' has no fixed size)\"")]
    // A tail call leaves no frame of the script's (ADR 0031): the name stays, the position is lost.
    [InlineData("return struct.pack('!3')", "-ERR alignment 3 is not a power of 2")]
    public void StructErrorsCarryTheCLibrarysTexts(string script, string expected) =>
        Assert.Equal(expected.Replace("{sha}", Sha(script), StringComparison.Ordinal), Eval(script).ToString());

    [Fact]
    public void NoScriptChangesTheStringsMetatableForTheNext()
    {
        var attempt = Eval("local a = pcall(function() getmetatable('').__index = {} end) "
            + "local b = pcall(rawset, getmetatable(''), '__index', {}) "
            + "local c = pcall(function() getmetatable('').__index.upper = nil end) "
            + "local d = pcall(setmetatable, string, {}) return {tostring(a), tostring(b), tostring(c), tostring(d)}");

        Assert.Equal("[\"false\", \"false\", \"false\", \"false\"]", attempt.ToString());
        Assert.Equal("\"ABC\"", Eval("return ('abc'):upper()").ToString());
    }

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
    public void EachBodyAndDigestRunsItsOwnScriptWhicheverRanLastAndAFlushForgetsThemAll()
    {
        Assert.Equal(":1", Eval("return 1").ToString());
        Assert.Equal(":1", Eval("return 1").ToString());
        Assert.Equal(":2", Eval("return 2").ToString());
        Assert.Equal(":1", Eval("return 1").ToString());
        Assert.True(_engine.Exists(Encoding.ASCII.GetBytes(Sha("return 2"))));
        Assert.Equal(":1", _engine.EvalSha(_caller, Sha("return 1")).ToString());
        Assert.Equal(":1", _engine.EvalSha(_caller, Sha("return 1").ToUpperInvariant()).ToString());
        Assert.Equal(":2", _engine.EvalSha(_caller, Sha("return 2")).ToString());
        Assert.Equal("-NOSCRIPT No matching script. Please use EVAL.", _engine.EvalSha(_caller, Sha("return 3")).ToString());
        Assert.Equal(":2", _engine.EvalSha(_caller, Sha("return 2")).ToString());

        _engine.Flush();

        Assert.Equal("-NOSCRIPT No matching script. Please use EVAL.", _engine.EvalSha(_caller, Sha("return 2")).ToString());

        Assert.False(_engine.Exists(Encoding.ASCII.GetBytes(Sha("return 1"))));
        Assert.Equal(":1", Eval("return 1").ToString());
        Assert.True(_engine.Exists(Encoding.ASCII.GetBytes(Sha("return 1"))));
        Assert.False(_engine.Exists(Encoding.ASCII.GetBytes(Sha("return 2"))));
        Assert.StartsWith("-ERR Error compiling script", Eval("return (").ToString(), StringComparison.Ordinal);
        Assert.StartsWith("-ERR Error compiling script", Eval("return (").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AScriptDeclaringWritesIsRefusedReadOnly()
    {
        var args = CommandArgs.From("EVAL_RO", "#!lua\nreturn 1", "0");

        var reply = _engine.Run(_caller, args[1], bySha: false, args, 3, 0, readOnly: true);

        Assert.Equal("-ERR Can not execute a script with write flag using *_ro command.", reply.ToString());
    }

    private Reply Eval(string script) => _engine.Eval(_caller, script);

    private static string Sha(string script) => EngineCalls.Sha(script);
}
