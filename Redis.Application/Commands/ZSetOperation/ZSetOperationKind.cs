namespace Redis.Application.Commands.ZSetOperation;

/// <summary>The set operation of <c>ZUNION</c>, <c>ZINTER</c>, <c>ZDIFF</c> and their <c>STORE</c> forms.</summary>
public enum ZSetOperationKind
{
    Union,
    Inter,
    Diff,
}
