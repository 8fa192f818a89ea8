namespace Redis.Application.Routing;

/// <summary>Turns a request's arguments into a typed command: the syntax of one command.</summary>
/// <remarks>
/// Binders own syntax and types (<c>ERR syntax error</c>, <c>ERR value is not an integer or out of range</c>);
/// validators own semantic ranges. That split reproduces Redis's order of checks. The router has already
/// checked the arity against <see cref="Spec"/>, so a binder may read every argument the arity guarantees.
/// Binders are discovered by <see cref="CommandTable.FromAssembly"/>, which creates each with its parameterless
/// constructor: adding a command needs no registration line, and a binder holds no services.
/// </remarks>
public interface ICommandBinder
{
    CommandSpec Spec { get; }

    /// <param name="args">Positioned after the command name.</param>
    BindResult Bind(ref ArgCursor args);
}
