namespace Redis.Application.Commands.SetAlgebra;

/// <summary>Which of Redis's set operations a <see cref="SetAlgebraCommand"/> runs.</summary>
public enum SetAlgebraOperation
{
    /// <summary><c>SINTER</c>, <c>SINTERSTORE</c>.</summary>
    Inter,

    /// <summary><c>SUNION</c>, <c>SUNIONSTORE</c>.</summary>
    Union,

    /// <summary><c>SDIFF</c>, <c>SDIFFSTORE</c>.</summary>
    Diff,
}
