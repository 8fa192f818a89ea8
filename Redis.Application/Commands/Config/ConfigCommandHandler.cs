using Mediator;
using Redis.Application.Common;
using Redis.Application.Replies;
using Redis.Application.Routing;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Commands.Config;

/// <summary><c>CONFIG RESETSTAT</c> (Redis's <c>configResetStatCommand</c>), <c>REWRITE</c> and <c>HELP</c>.</summary>
public sealed class ConfigCommandHandler(ServerStatistics statistics, Databases databases, CommandTable table, ErrorStatistics errors) : IRequestHandler<ConfigCommand, Reply>
{
    private static readonly Reply HelpReply = HelpText.For(
        "config",
        "GET <pattern>",
        "    Return parameters matching the glob-like <pattern> and their values.",
        "SET <directive> <value>",
        "    Set the configuration <directive> to <value>.",
        "RESETSTAT",
        "    Reset statistics reported by the INFO command.",
        "REWRITE",
        "    Rewrite the configuration file.");

    public ValueTask<Reply> Handle(ConfigCommand request, CancellationToken cancellationToken)
    {
        switch (request.Subcommand)
        {
            case ConfigSubcommand.ResetStat:
                // resetServerStats, resetCommandTableStats and resetErrorTableStats: INFO's counters start again; the
                // slow log is SLOWLOG RESET's, and stays.
                statistics.Reset();
                databases.ResetStatistics();
                foreach (var command in table.Commands)
                {
                    command.Counters.Reset();
                }

                errors.Reset();
                return new(Reply.Ok);
            case ConfigSubcommand.Rewrite:
                // The settings come from the command line, the environment or appsettings.json, never a redis.conf.
                return new(Errors.NoConfigFile);
            default:
                return new(HelpReply);
        }
    }
}
