using System.Reflection;
using Redis.EndToEnd.Tests.Compat;

namespace Redis.EndToEnd.Tests.Support;

/// <summary>
/// Every test class that talks to a server runs on both transports, unless it says why not: the end-to-end suites are
/// abstract classes, each run by a class per transport (by convention nested, <c>Blocking</c> and <c>EventLoop</c>).
/// </summary>
/// <remarks>
/// The shape to copy is <c>RawSocket/CommandReplyTests.cs</c> (a shared server) or <c>RawSocket/ProtocolErrorTests.cs</c>
/// (a server with its own settings, <c>Server&lt;TTransport&gt;</c>). A test added to a suite runs on both by itself;
/// a class for one transport only carries <see cref="TransportSpecificAttribute"/> with the reason.
/// </remarks>
public sealed class TransportCoverageTests
{
    [Fact]
    public void EveryTestClassUsingAServerRunsOnBothTransportsOrSaysWhyNot()
    {
        var problems = new List<string>();
        foreach (var type in typeof(TransportCoverageTests).Assembly.GetTypes().Where(IsTestClass))
        {
            if (type.GetCustomAttribute<TransportSpecificAttribute>() is { } specific)
            {
                if (string.IsNullOrWhiteSpace(specific.Reason))
                {
                    problems.Add($"{type}: [TransportSpecific] needs the reason.");
                }

                continue;
            }

            if (UsesAServer(type))
            {
                problems.AddRange(ProblemsAsTransportClass(type));
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems.Distinct()));
    }

    private static IEnumerable<string> ProblemsAsTransportClass(Type type)
    {
        var suite = type.BaseType!;
        if (!suite.IsAbstract || suite == typeof(object))
        {
            yield return $"{type}: uses a server but is neither a class of an abstract suite nor [TransportSpecific(\"why\")]. " +
                "Make it an abstract suite with a Blocking and an EventLoop class (see RawSocket/CommandReplyTests.cs).";
            yield break;
        }

        if (TransportOf(type) is not { } transport)
        {
            yield return $"{type}: its transport is unknown: take the fixture in the constructor, or name the class Blocking or EventLoop.";
            yield break;
        }

        if (type.Name is "Blocking" or "EventLoop" && transport != (type.Name == "Blocking" ? BlockingTransport.IoModel : EventLoopTransport.IoModel))
        {
            yield return $"{type}: runs on a fixture whose io-model is {transport}.";
        }

        var covered = type.Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.BaseType == suite)
            .Select(TransportOf)
            .ToHashSet();
        foreach (var missing in new[] { BlockingTransport.IoModel, EventLoopTransport.IoModel }.Where(m => !covered.Contains(m)))
        {
            yield return $"{suite}: no class runs it on {missing}; a suite runs on both transports.";
        }
    }

    /// <summary>The io-model of the fixture the class takes, else the one its name says (a class that builds its own servers).</summary>
    private static string? TransportOf(Type type)
    {
        var fixture = type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType).FirstOrDefault(IsServer);
        return fixture is not null && typeof(ServerFixture).IsAssignableFrom(fixture) ? IoModelOf(fixture) : type.Name switch
        {
            "Blocking" => BlockingTransport.IoModel,
            "EventLoop" => EventLoopTransport.IoModel,
            _ => null,
        };
    }

    private static bool IsTestClass(Type type) =>
        type is { IsClass: true, IsAbstract: false } &&
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => m.IsDefined(typeof(FactAttribute), inherit: true));

    /// <summary>True when the class or a base takes a server fixture or holds one (a primary constructor's parameter is a field).</summary>
    private static bool UsesAServer(Type type)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly;
            if (t.GetConstructors(All).SelectMany(c => c.GetParameters()).Any(p => IsServer(p.ParameterType)) ||
                t.GetFields(All).Any(f => IsServer(f.FieldType)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsServer(Type type) =>
        typeof(ServerFixture).IsAssignableFrom(type) || typeof(ISystemClockServers).IsAssignableFrom(type);

    /// <summary>The transport a fixture type runs: its <see cref="ServerFixture{TTransport}"/> argument, else the blocking default.</summary>
    private static string IoModelOf(Type fixture)
    {
        for (var t = fixture; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ServerFixture<>))
            {
                return (string)t.GenericTypeArguments[0].GetProperty(nameof(ITransport.IoModel))!.GetValue(null)!;
            }
        }

        return BlockingTransport.IoModel;
    }
}
