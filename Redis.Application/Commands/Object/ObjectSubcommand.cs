namespace Redis.Application.Commands.Object;

/// <summary>The <c>OBJECT</c> subcommands.</summary>
public enum ObjectSubcommand
{
    Encoding,
    Freq,
    IdleTime,
    RefCount,
    Help,
}
