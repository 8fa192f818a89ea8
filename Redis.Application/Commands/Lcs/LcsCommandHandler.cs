using Mediator;
using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Lcs;

/// <summary>
/// Redis's <c>lcsCommand</c>: the dynamic-programming table of LCS lengths, O(n·m) time and memory (refused past
/// <c>proto-max-bulk-len</c> bytes), walked back from the end to build the subsequence or its ranges, the last
/// ranges first. A missing key counts as an empty string.
/// </summary>
public sealed class LcsCommandHandler(TimeProvider time, IServerSettings settings) : IRequestHandler<LcsCommand, Reply>
{
    private static readonly Reply MatchesName = Reply.Bulk("matches");
    private static readonly Reply LenName = Reply.Bulk("len");

    private readonly LiveSetting _maxLength = LiveSetting.ProtoMaxBulkLen(settings);

    public ValueTask<Reply> Handle(LcsCommand request, CancellationToken cancellationToken)
    {
        var now = time.GetUnixMilliseconds();
        var first = request.Keyspace.Read(request.First.Span, now, out var a);
        var second = request.Keyspace.Read(request.Second.Span, now, out var b);
        if (first == KeyLookup.WrongType || second == KeyLookup.WrongType)
        {
            return new(Errors.LcsWrongType);
        }

        if (request.OptionError is { } error)
        {
            return new(error);
        }

        var cells = (long)(a.Value.Length + 1) * (b.Value.Length + 1);
        if (cells * sizeof(uint) > _maxLength.Value)
        {
            return new(Errors.LcsTooMuchMemory);
        }

        return new(Compute(request, a.Value.Span, b.Value.Span, (int)cells));
    }

    private static Reply Compute(LcsCommand request, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int cells)
    {
        var width = b.Length + 1;
        var table = GC.AllocateUninitializedArray<uint>(cells);
        table.AsSpan(0, width).Clear();
        for (var i = 1; i <= a.Length; i++)
        {
            var row = table.AsSpan(i * width, width);
            var above = table.AsSpan((i - 1) * width, width);
            row[0] = 0;
            for (var j = 1; j <= b.Length; j++)
            {
                row[j] = a[i - 1] == b[j - 1] ? above[j - 1] + 1 : Math.Max(above[j], row[j - 1]);
            }
        }

        var length = table[cells - 1];
        if (request.Length)
        {
            return Reply.Integer(length);
        }

        var result = new byte[length];
        var ranges = request.Indexes ? new List<Reply>() : null;
        Walk(table, width, a, b, result, ranges, request);
        return ranges is null
            ? Reply.Bulk(result)
            : Reply.Map([MatchesName, Reply.Array([.. ranges]), LenName, Reply.Integer(length)]);
    }

    // Redis's walk back through the table, step for step, so the ranges and their order are Redis's.
    private static void Walk(uint[] table, int width, ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, byte[] result, List<Reply>? ranges, LcsCommand request)
    {
        var unset = (uint)a.Length;
        uint aStart = unset, aEnd = 0, bStart = 0, bEnd = 0;
        var index = result.Length;
        int i = a.Length, j = b.Length;
        while (i > 0 && j > 0)
        {
            var emit = false;
            if (a[i - 1] == b[j - 1])
            {
                result[--index] = a[i - 1];
                if (aStart == unset)
                {
                    (aStart, aEnd, bStart, bEnd) = ((uint)i - 1, (uint)i - 1, (uint)j - 1, (uint)j - 1);
                }
                else if (aStart == i && bStart == j)
                {
                    aStart--;
                    bStart--;
                }
                else
                {
                    emit = true;
                }

                emit |= aStart == 0 || bStart == 0;
                i--;
                j--;
            }
            else
            {
                if (table[((i - 1) * width) + j] > table[(i * width) + j - 1])
                {
                    i--;
                }
                else
                {
                    j--;
                }

                emit = aStart != unset;
            }

            var matchLength = unchecked(aEnd - aStart + 1);
            if (emit)
            {
                if (ranges is not null && (request.MinMatchLength == 0 || matchLength >= request.MinMatchLength))
                {
                    var range = new Reply[request.WithMatchLength ? 3 : 2];
                    range[0] = Reply.Array([Reply.Integer(aStart), Reply.Integer(aEnd)]);
                    range[1] = Reply.Array([Reply.Integer(bStart), Reply.Integer(bEnd)]);
                    if (request.WithMatchLength)
                    {
                        range[2] = Reply.Integer(matchLength);
                    }

                    ranges.Add(Reply.Array(range));
                }

                aStart = unset;
            }
        }
    }
}
