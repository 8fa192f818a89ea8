namespace Redis.Application.Commands.ZSetOperation;

/// <summary><c>AGGREGATE SUM|MIN|MAX</c>: how the scores of a member found in several sets combine.</summary>
public enum ZAggregate
{
    Sum,
    Min,
    Max,
}
