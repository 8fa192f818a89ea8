using Redis.Application.Abstractions;
using Redis.Application.Common;
using Redis.Application.PubSub;
using Redis.Application.Replies;
using Redis.Domain.Hashes;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.HSet;

/// <summary>What the hash commands that write share: the encoding limits, Redis's <c>hashTypeLookupWriteOrCreate</c>, and storing the result.</summary>
internal sealed class HashStore(IServerSettings settings, KeyspaceEvents events)
{
    private readonly LiveSetting _maxEntries = new(settings, "hash-max-listpack-entries", HashLimits.Default.MaxListpackEntries);
    private readonly LiveSetting _maxValue = new(settings, "hash-max-listpack-value", HashLimits.Default.MaxListpackValue);

    /// <summary>The limits in force now (<c>CONFIG SET</c> reaches them at once).</summary>
    public HashLimits Limits => new(_maxEntries.Value, _maxValue.Value);

    /// <summary>The hash under <paramref name="key"/>, or a new empty one not yet stored; WRONGTYPE for another type.</summary>
    /// <returns>Null, or the error to answer with.</returns>
    public static Reply? GetOrCreate(Keyspace keyspace, ReadOnlySpan<byte> key, long now, out HashValue hash, out bool created)
    {
        var lookup = keyspace.Get<HashValue>(key, now, out var found);
        created = lookup == KeyLookup.Missing;
        hash = found ?? new HashValue();
        return lookup == KeyLookup.WrongType ? Errors.WrongType : null;
    }

    /// <summary>Stores a new hash or tells the keyspace an existing one changed, then publishes <paramref name="eventName"/>.</summary>
    public void Commit(Keyspace keyspace, ReadOnlySpan<byte> key, HashValue hash, bool created, byte[] eventName)
    {
        if (created)
        {
            keyspace.Set(key, hash);
        }
        else
        {
            keyspace.Changed(key, hash);
        }

        events.Notify(KeyspaceEventClasses.Hash, eventName, key, keyspace.Index);
    }
}
