using System.Buffers;
using Microsoft.Extensions.Logging;
using Redis.Application.Routing;
using Redis.Application.Sessions;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Infrastructure.Persistence;

/// <summary>
/// Redis's <c>loadSingleAppendOnlyFile</c>: loads one file of the append-only directory, an RDB base or a file of
/// commands, which run through the router on a session of their own (<see cref="ClientSession.ForReplay"/>), their
/// replies dropped, as they ran when they were logged.
/// </summary>
/// <remarks>
/// <para>
/// Redis's rules for a damaged file: a line that is not a command (<c>*</c>) or an annotation (<c>#</c>) is a format
/// error, and so is a command this server does not know; a file that ends inside a command, or inside a
/// <c>MULTI</c> without its <c>EXEC</c>, is truncated to the end of the last whole command (before that <c>MULTI</c>)
/// and loaded when <c>aof-load-truncated</c> is on and it is the last file, and refused otherwise.
/// </para>
/// <para>
/// An RDB base is loaded with the keys whose time ran out on disk, as Redis loads an AOF preamble: the files after it
/// may still name them, and their <c>DEL</c>s are in those files.
/// </para>
/// </remarks>
internal sealed partial class AofReplay(CommandRouter router, CommandTable table, Databases databases, RdbLoadLimits limits, bool loadTruncated, ILogger logger)
{
    private const int ReadSize = 1 << 16;

    private static readonly ProtocolLimits Unlimited = new()
    {
        MaxBulkLength = long.MaxValue,
        MaxArguments = int.MaxValue,
    };

    private readonly ClientSession _session = ClientSession.ForReplay();

    /// <summary>Loads the file at <paramref name="path"/>; <paramref name="isLast"/> says whether a torn end may be truncated.</summary>
    public void Load(string path, bool isLast)
    {
        var name = Path.GetFileName(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        if (file.Length == 0)
        {
            return;
        }

        Span<byte> signature = stackalloc byte[5];
        if (file.ReadAtLeast(signature, 5, throwOnEndOfStream: false) == 5 && signature.SequenceEqual("REDIS"u8))
        {
            LogReadingBase();
            file.Position = 0;
            using var buffered = new BufferedStream(file, ReadSize);
            RdbReader.Read(buffered, new DatabaseLoader(databases, now: long.MinValue), limits);
            return;
        }

        file.Position = 0;
        var validUpTo = ReplayCommands(file, name, out var validBeforeMulti, out var complete);
        if (complete && !_session.Transaction.InMulti)
        {
            return;
        }

        if (complete)
        {
            // Well formed to the end, but the last MULTI has no EXEC: what it queued never ran, and is cut off.
            LogRevertingTransaction(name);
            validUpTo = validBeforeMulti;
        }

        _session.Transaction.Discard();
        if (!loadTruncated || !isLast)
        {
            throw new AofFormatException(isLast
                ? $"Unexpected end of file reading the append only file {name}. You can: 1) Make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>. 2) Alternatively you can set the 'aof-load-truncated' configuration option to yes and restart the server."
                : $"Fatal error: the truncated file {name} is not the last file");
        }

        LogShortRead(name);
        LogTruncating(name, validUpTo);
        file.SetLength(validUpTo);
        LogLoadedAnyway(name);
    }

    // Runs every whole command; returns the offset after the last one, and whether the file ended on a command's end.
    private long ReplayCommands(FileStream file, string name, out long validBeforeMulti, out bool complete)
    {
        var reader = new RequestReader(Unlimited);
        var buffer = new byte[ReadSize];
        long bufferOffset = 0;
        int start = 0, end = 0;
        long validUpTo = 0;
        validBeforeMulti = 0;
        var atCommandStart = true;
        while (true)
        {
            while (start < end)
            {
                if (atCommandStart && buffer[start] == (byte)'#')
                {
                    // An annotation (aof-timestamp-enabled): skipped to its line end.
                    var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                    if (newline < 0)
                    {
                        break;
                    }

                    start = newline + 1;
                    validUpTo = bufferOffset + start;
                    continue;
                }

                if (atCommandStart && buffer[start] != (byte)'*')
                {
                    throw FormatError(name);
                }

                var status = reader.TryRead(buffer, start, end - start, out var args, out var consumed);
                if (status == OperationStatus.InvalidData)
                {
                    throw FormatError(name);
                }

                start += consumed;
                if (status == OperationStatus.NeedMoreData)
                {
                    atCommandStart = false;
                    break;
                }

                var commandStart = validUpTo;
                Run(args, name);
                validUpTo = bufferOffset + start;
                if (IsMulti(args))
                {
                    validBeforeMulti = commandStart;
                }

                atCommandStart = true;
            }

            // What is left goes to the front (the reader keeps its progress relative to the command's first byte); a
            // command larger than the buffer grows it.
            if (start != 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                bufferOffset += start;
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = file.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                complete = end == 0;
                return validUpTo;
            }

            end += read;
        }
    }

    private void Run(CommandArgs args, string name)
    {
        if (!table.TryFind(args[0], out _))
        {
            throw new AofFormatException($"Unknown command '{System.Text.Encoding.UTF8.GetString(args[0])}' reading the append only file {name}");
        }

        router.Execute(_session, args);
        databases.EndCommand();
    }

    private static bool IsMulti(CommandArgs args) => System.Text.Ascii.EqualsIgnoreCase(args[0], "multi"u8);

    private static AofFormatException FormatError(string name) =>
        new($"Bad file format reading the append only file {name}: make a backup of your AOF file, then use ./redis-check-aof --fix <filename.manifest>");

    [LoggerMessage(EventId = 92, Level = LogLevel.Information, Message = "Reading RDB base file on AOF loading...")]
    private partial void LogReadingBase();

    [LoggerMessage(EventId = 93, Level = LogLevel.Warning, Message = "Revert incomplete MULTI/EXEC transaction in AOF file {Name}")]
    private partial void LogRevertingTransaction(string name);

    [LoggerMessage(EventId = 94, Level = LogLevel.Warning, Message = "!!! Warning: short read while loading the AOF file {Name}!!!")]
    private partial void LogShortRead(string name);

    [LoggerMessage(EventId = 95, Level = LogLevel.Warning, Message = "!!! Truncating the AOF {Name} at offset {Offset} !!!")]
    private partial void LogTruncating(string name, long offset);

    [LoggerMessage(EventId = 96, Level = LogLevel.Warning, Message = "AOF {Name} loaded anyway because aof-load-truncated is enabled")]
    private partial void LogLoadedAnyway(string name);
}
