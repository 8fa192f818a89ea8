using Mediator;
using Redis.Application.Common;
using Redis.Application.Memory;
using Redis.Application.Replies;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Object;

/// <summary>Answers <c>OBJECT</c> as Redis's <c>objectCommand</c> does.</summary>
public sealed class ObjectCommandHandler(MemoryLimit memory, TimeProvider time) : IRequestHandler<ObjectCommand, Reply>
{
    /// <summary>Redis's <c>OBJ_SHARED_REFCOUNT</c> (<c>INT_MAX</c>): the reference count of a shared integer.</summary>
    public const int SharedRefCount = int.MaxValue;

    private static readonly Reply HelpReply = HelpText.For(
        "object",
        "ENCODING <key>",
        "    Return the kind of internal representation used in order to store the value",
        "    associated with a <key>.",
        "FREQ <key>",
        "    Return the access frequency index of the <key>. The returned integer is",
        "    proportional to the logarithm of the recent access frequency of the key.",
        "IDLETIME <key>",
        "    Return the idle time of the <key>, that is the approximated number of",
        "    seconds elapsed since the last access to the key.",
        "REFCOUNT <key>",
        "    Return the number of references of the value associated with the specified",
        "    <key>.");

    private static readonly Reply Int = Reply.Bulk("int");
    private static readonly Reply EmbStr = Reply.Bulk("embstr");
    private static readonly Reply Raw = Reply.Bulk("raw");

    public ValueTask<Reply> Handle(ObjectCommand request, CancellationToken cancellationToken)
    {
        if (request.Subcommand == ObjectSubcommand.Help)
        {
            return new(HelpReply);
        }

        // objectCommandLookupOrReply: a missing key is nil, before the policy check of FREQ.
        var now = time.GetUnixMilliseconds();
        var type = request.Keyspace.TypeOf(request.Key.Span, now, out var value, countRead: true, notifyMiss: false);
        if (type == KeyType.None)
        {
            return new(Reply.Nil);
        }

        if (request.Subcommand is ObjectSubcommand.Freq or ObjectSubcommand.IdleTime)
        {
            return new(Access(request, now));
        }

        if (value is not null)
        {
            return new(request.Subcommand == ObjectSubcommand.Encoding ? Reply.Bulk(value.Encoding) : Reply.One);
        }

        request.Keyspace.Get(request.Key.Span, now, out var entry, touch: false);
        var encoding = StringEncoding.Of(entry.Value.Span, out var integer);
        return new(request.Subcommand switch
        {
            ObjectSubcommand.Encoding => encoding switch
            {
                StringEncoding.Kind.Int => Int,
                StringEncoding.Kind.EmbStr => EmbStr,
                _ => Raw,
            },

            // tryObjectEncoding stores 0..9999 as the shared integers, unless maxmemory is set with an LRU or LFU policy
            // (MAXMEMORY_FLAG_NO_SHARED_INTEGERS: each key needs its own access clock). Redis decides when the value is
            // stored; this answers by the settings now.
            ObjectSubcommand.RefCount => Reply.Integer(
                encoding == StringEncoding.Kind.Int && integer is >= 0 and < StringEncoding.SharedIntegers && SharesIntegers() ? SharedRefCount : 1),

            _ => Reply.One,
        });
    }

    private bool SharesIntegers() => memory.Limit == 0 || !(memory.Policy.IsLru() || memory.Policy.IsLfu());

    // The key's access clock, read without touching it: IDLETIME in seconds unless an LFU policy counts frequency,
    // FREQ (decayed to now, as LFUDecrAndReturn) only then, each with Redis's error otherwise.
    private static Reply Access(ObjectCommand request, long now)
    {
        request.Keyspace.TryGetAccessClock(request.Key.Span, now, out var clock);
        var accessClock = request.Keyspace.AccessClock;
        return request.Subcommand == ObjectSubcommand.IdleTime
            ? accessClock.CountsFrequency ? Errors.LfuPolicy : Reply.Integer(accessClock.IdleMilliseconds(clock) / 1000)
            : accessClock.CountsFrequency ? Reply.Integer(accessClock.Decremented(clock)) : Errors.NoLfuPolicy;
    }
}
