using Redis.Application.Propagation;
using Redis.Domain.Keys;

namespace Redis.Application.Tests.TestSupport;

/// <summary>Propagation for handlers under test: no log attached, as by default, unless a test attaches one.</summary>
internal static class TestPropagation
{
    /// <summary>A fresh service with no log.</summary>
    public static CommandPropagation Off => new(new Databases());
}
