using System.Buffers;

namespace Redis.Protocol;

/// <summary>Splits a typed line into command words as redis-cli does: spaces separate, quotes group, escapes inside double quotes.</summary>
/// <remarks>
/// redis-cli and the server share one splitter in Redis (<c>sdssplitargs</c>), and so do we: the line is framed by
/// <see cref="RequestReader"/> as an inline request. It is offered with a leading space, which the splitter
/// skips, so that a line starting with <c>*</c> is split as text rather than framed as RESP.
/// </remarks>
public sealed class InlineSplitter
{
    private readonly RequestReader _reader = new(new ProtocolLimits
    {
        // A person's line has no server to protect: no length or word limit beyond what memory allows.
        MaxInlineLength = int.MaxValue,
        MaxArguments = int.MaxValue,
    });

    /// <summary>Splits <paramref name="line"/> (without its line ending).</summary>
    /// <param name="words">The words, copied out; empty for a blank line.</param>
    /// <returns>False when quotes are unbalanced, which redis-cli reports as "Invalid argument(s)".</returns>
    public bool TrySplit(ReadOnlySpan<byte> line, out CommandArgs words)
    {
        var request = new byte[line.Length + 2];
        request[0] = (byte)' ';
        line.CopyTo(request.AsSpan(1));
        request[^1] = (byte)'\n';

        _reader.Reset();
        switch (_reader.TryRead(request, 0, request.Length, out var args, out _))
        {
            case OperationStatus.Done:
                // The reader's words live in its scratch buffer until its next call: copy them out.
                words = CommandArgs.From(args.ToArrays());
                return true;
            case OperationStatus.NeedMoreData:
                // A blank line: the reader skipped it as an empty request.
                words = CommandArgs.From(Array.Empty<byte[]>());
                return true;
            default:
                words = default;
                return false;
        }
    }
}
