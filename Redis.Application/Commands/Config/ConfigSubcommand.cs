namespace Redis.Application.Commands.Config;

/// <summary>The <c>CONFIG</c> subcommands that take no argument.</summary>
public enum ConfigSubcommand
{
    ResetStat,
    Rewrite,
    Help,
}
