using Redis.Application.Routing;

namespace Redis.Application.Commands.Rename;

/// <summary><c>RENAMENX key newkey</c>: <c>RENAME</c> only when the new name is free (Redis's <c>renameGenericCommand</c> with <c>nx</c>).</summary>
internal sealed class RenameNxCommandBinder : ICommandBinder
{
    public CommandSpec Spec { get; } = new("renamenx", 3, ["write", "fast"], 1, 2, 1)
    {
        Doc = new("key newkey", "Rename a key, only if the new key does not exist", "generic"),
    };

    public BindResult Bind(ref ArgCursor args) =>
        new(new RenameCommand(args.Keyspace, args.NextMemory(), args.NextMemory(), OnlyIfNewKeyMissing: true));
}
