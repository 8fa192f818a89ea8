using System.Reflection;
using Redis.EndToEnd.Tests.Compat;

namespace Redis.EndToEnd.Tests.Support;

/// <summary>
/// Every test class that talks to a server runs on both transports, unless it says why not: the end-to-end suites are
/// abstract classes with two nested test classes, <c>Blocking</c> and <c>EventLoop</c>, each on a fixture of its transport.
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

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    private static IEnumerable<string> ProblemsAsTransportClass(Type type)
    {
        var suite = type.BaseType!;
        var expected = type.Name switch
        {
            "Blocking" => BlockingTransport.IoModel,
            "EventLoop" => EventLoopTransport.IoModel,
            _ => null,
        };
        if (expected is null || type.DeclaringType != suite || !suite.IsAbstract)
        {
            yield return $"{type}: uses a server but is neither a suite's Blocking or EventLoop class nor [TransportSpecific(\"why\")]. " +
                "Make it an abstract suite with both nested classes (see RawSocket/CommandReplyTests.cs).";
            yield break;
        }

        var twin = suite.GetNestedType(type.Name == "Blocking" ? "EventLoop" : "Blocking");
        if (twin is null || twin.BaseType != suite)
        {
            yield return $"{suite}: has {type.Name} but not its twin; a suite runs on both transports.";
        }

        foreach (var fixture in type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.ParameterType).Where(IsServer))
        {
            if (IoModelOf(fixture) != expected)
            {
                yield return $"{type}: runs on {fixture}, whose io-model is {IoModelOf(fixture)}, not {expected}.";
            }
        }
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
