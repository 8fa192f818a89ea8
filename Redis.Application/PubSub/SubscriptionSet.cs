using Redis.Domain.Keys;

namespace Redis.Application.PubSub;

/// <summary>One connection's channels (or patterns) in the order it subscribed, with an O(1) membership test.</summary>
/// <remarks>
/// Redis keeps a client's channels in a dict and its patterns in a list; both are walked when the client unsubscribes
/// from everything. Keeping subscription order for all three kinds makes that walk, and so the order of the
/// confirmations, follow the client's own order.
/// </remarks>
internal sealed class SubscriptionSet
{
    private readonly List<byte[]> _ordered = [];
    private readonly HashSet<byte[]> _members = new(ByteKeyComparer.Instance);

    public int Count => _ordered.Count;

    /// <summary>Adds <paramref name="name"/>; false when it is there already.</summary>
    public bool Add(byte[] name)
    {
        if (!_members.Add(name))
        {
            return false;
        }

        _ordered.Add(name);
        return true;
    }

    /// <summary>Removes <paramref name="name"/>; false when it was not there.</summary>
    public bool Remove(byte[] name)
    {
        if (!_members.Remove(name))
        {
            return false;
        }

        _ordered.RemoveAt(_ordered.FindIndex(n => n.AsSpan().SequenceEqual(name)));
        return true;
    }

    /// <summary>A copy of the names, oldest first, to walk while removing.</summary>
    public byte[][] ToArray() => [.. _ordered];
}
