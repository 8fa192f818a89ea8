namespace Redis.EndToEnd.Tests.Twemproxy;

/// <summary>A fact that needs nutcracker: skipped, with the reason, when it is not installed, except in CI (there it fails).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NutcrackerFactAttribute : FactAttribute
{
    public NutcrackerFactAttribute() => Skip = Nutcracker.SkipReason;
}

/// <summary>A theory that needs nutcracker, skipped as <see cref="NutcrackerFactAttribute"/> is.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NutcrackerTheoryAttribute : TheoryAttribute
{
    public NutcrackerTheoryAttribute() => Skip = Nutcracker.SkipReason;
}
