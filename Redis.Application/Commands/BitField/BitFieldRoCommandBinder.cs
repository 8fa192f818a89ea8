using Redis.Application.Routing;

namespace Redis.Application.Commands.BitField;

/// <summary><c>BITFIELD_RO key [GET encoding offset ...]</c>: <c>BITFIELD</c> limited to <c>GET</c>, for replicas and read-only scripts.</summary>
internal sealed class BitFieldRoCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("bitfield_ro", -2, ["readonly", "fast"], 1, 1, 1)
    {
        Doc = new(
            "key [GET encoding offset [GET encoding offset ...]]",
            "Perform arbitrary bitfield integer operations on strings. Read-only variant of BITFIELD",
            "bitmap"),
    };

    public BindResult Bind(ref ArgCursor args) => BitFieldCommandBinder.Parse(ref args, readOnly: true);
}
