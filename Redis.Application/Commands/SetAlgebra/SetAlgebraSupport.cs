using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Domain.Sets;
using Redis.Protocol;

namespace Redis.Application.Commands.SetAlgebra;

/// <summary>What the set commands share: the intset threshold and the reply of a whole set.</summary>
internal static class SetAlgebraSupport
{
    /// <summary><c>set-max-intset-entries</c>, read live.</summary>
    public static LiveSetting MaxIntsetEntries(IServerSettings settings) => new(settings, "set-max-intset-entries", 512);

    /// <summary>Every member in the set's iteration order (ascending for an intset, as Redis's), as a RESP3 set (RESP2: an array) or an array.</summary>
    public static Reply Members(SetValue set, bool asSet = true)
    {
        var items = new Reply[set.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Reply.Bulk(set.MemberAt(i));
        }

        return asSet ? Reply.Set(items) : Reply.Array(items);
    }

    /// <summary>An empty RESP3 set (RESP2: an empty array): Redis's <c>shared.emptyset</c>.</summary>
    public static Reply EmptySet { get; } = Reply.Set([]);
}
