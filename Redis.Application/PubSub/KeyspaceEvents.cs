using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Redis.Domain.Keys;

namespace Redis.Application.PubSub;

/// <summary>
/// Keyspace notifications, Redis 7.0.15's <c>notifyKeyspaceEvent</c>: for an event of an enabled class, publishes
/// <c>__keyspace@&lt;db&gt;__:&lt;key&gt;</c> with the event name (class <c>K</c>) and
/// <c>__keyevent@&lt;db&gt;__:&lt;event&gt;</c> with the key (class <c>E</c>) through the <see cref="PubSubRegistry"/>.
/// </summary>
/// <remarks>
/// <para>
/// Commands call <see cref="Notify"/> after their change, as Redis's commands do. With <c>notify-keyspace-events</c>
/// empty (the default) that is one flag test and nothing is built. The events no command names (<c>new</c>,
/// <c>expired</c>, <c>keymiss</c>) come from the keyspaces as an <see cref="IKeyspaceObserver"/>, attached only while
/// one of their classes is on, so with them off a keyspace tests one null reference.
/// </para>
/// <para>Only the serving thread calls this, like the registry.</para>
/// </remarks>
public sealed class KeyspaceEvents : IKeyspaceObserver
{
    private const KeyspaceEventClasses Observed = KeyspaceEventClasses.New | KeyspaceEventClasses.Expired | KeyspaceEventClasses.KeyMiss;

    private readonly PubSubRegistry _pubsub;
    private Databases? _databases;
    private KeyspaceEventClasses _classes;

    public KeyspaceEvents(PubSubRegistry pubsub)
    {
        ArgumentNullException.ThrowIfNull(pubsub);
        _pubsub = pubsub;
    }

    /// <summary>
    /// The classes enabled now: <c>notify-keyspace-events</c> as parsed, set by the settings registry at start-up and
    /// on each <c>CONFIG SET</c> (its <c>CONFIG GET</c> form drops <c>n</c> beside <c>A</c>, as Redis's does, so it is not read back).
    /// </summary>
    public KeyspaceEventClasses Classes
    {
        get => _classes;
        set
        {
            _classes = value;
            _databases?.Observe(this, on: (value & Observed) != 0);
        }
    }

    /// <summary>Lets the keyspaces of <paramref name="databases"/> report <c>new</c>, <c>expired</c> and <c>keymiss</c> while those classes are on.</summary>
    public void Attach(Databases databases)
    {
        _databases = databases;
        Classes = _classes;
    }

    /// <summary>Redis's <c>notifyKeyspaceEvent(type, event, key, dbid)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Notify(KeyspaceEventClasses type, byte[] eventName, ReadOnlySpan<byte> key, int database)
    {
        if ((_classes & type) != 0)
        {
            Publish(eventName, key, database);
        }
    }

    /// <summary>
    /// After a command removed elements from a collection in place: tells the keyspace (<see cref="Keyspace.Changed"/>,
    /// which marks the key's watches and deletes a collection left empty), publishes the command's event, then
    /// <c>del</c> when the key went with the last element, as Redis's commands notify in that order.
    /// </summary>
    public void Shrunk(Keyspace keyspace, ReadOnlySpan<byte> key, TypedValue value, KeyspaceEventClasses type, byte[] eventName)
    {
        ArgumentNullException.ThrowIfNull(keyspace);
        var deleted = keyspace.Changed(key, value);
        Notify(type, eventName, key, keyspace.Index);
        if (deleted)
        {
            Notify(KeyspaceEventClasses.Generic, KeyspaceEventNames.Del, key, keyspace.Index);
        }
    }

    void IKeyspaceObserver.Created(int database, ReadOnlySpan<byte> key) =>
        Notify(KeyspaceEventClasses.New, KeyspaceEventNames.New, key, database);

    void IKeyspaceObserver.Expired(int database, ReadOnlySpan<byte> key) =>
        Notify(KeyspaceEventClasses.Expired, KeyspaceEventNames.Expired, key, database);

    void IKeyspaceObserver.Missed(int database, ReadOnlySpan<byte> key) =>
        Notify(KeyspaceEventClasses.KeyMiss, KeyspaceEventNames.KeyMiss, key, database);

    private void Publish(byte[] eventName, ReadOnlySpan<byte> key, int database)
    {
        var db = database.ToString(CultureInfo.InvariantCulture);
        if ((_classes & KeyspaceEventClasses.Keyspace) != 0)
        {
            _pubsub.Publish(Channel("__keyspace@", db, key), eventName);
        }

        if ((_classes & KeyspaceEventClasses.Keyevent) != 0)
        {
            _pubsub.Publish(Channel("__keyevent@", db, eventName), key.ToArray());
        }
    }

    private static byte[] Channel(string prefix, string db, ReadOnlySpan<byte> suffix)
    {
        var channel = new byte[prefix.Length + db.Length + 3 + suffix.Length];
        var written = Encoding.ASCII.GetBytes(prefix, channel);
        written += Encoding.ASCII.GetBytes(db, channel.AsSpan(written));
        "__:"u8.CopyTo(channel.AsSpan(written));
        suffix.CopyTo(channel.AsSpan(written + 3));
        return channel;
    }

}
