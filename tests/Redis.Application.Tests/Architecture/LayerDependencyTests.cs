using System.Reflection;
using System.Xml.Linq;
using Redis.Application.Routing;
using Redis.Domain.Keys;
using Redis.Protocol;

namespace Redis.Application.Tests.Architecture;

/// <summary>
/// The layering rule (Domain depends on nothing, Application on Domain, Infrastructure on both), read from the project
/// files, which is where a stray reference would be added, and from the compiled assemblies.
/// </summary>
public class LayerDependencyTests
{
    private static readonly DirectoryInfo Root = FindSolutionRoot();

    [Fact]
    public void DomainReferencesNoProjectAndNoPackage()
    {
        var project = Project("Redis.Domain");

        Assert.Empty(ProjectReferences(project));
        Assert.Empty(PackageReferences(project));
    }

    [Fact]
    public void SharedBuildPropsAddNoReferenceToEveryProject()
    {
        // Items here would reach Redis.Domain without its project file showing them.
        var buildProps = XDocument.Load(Path.Combine(Root.FullName, "Directory.Build.props"));
        var packagesProps = XDocument.Load(Path.Combine(Root.FullName, "Directory.Packages.props"));

        Assert.Empty(ProjectReferences(buildProps));
        Assert.Empty(PackageReferences(buildProps));
        Assert.Empty(packagesProps.Descendants("GlobalPackageReference"));
    }

    [Fact]
    public void ProtocolReferencesNoProjectAndNoPackage()
    {
        var project = Project("Redis.Protocol");

        Assert.Empty(ProjectReferences(project));
        Assert.Empty(PackageReferences(project));
    }

    [Fact]
    public void ClientReferencesOnlyTheProtocolOfTheServerProjects()
    {
        // The client speaks the wire format; it ships none of the server's layers, FluentValidation or the mediator.
        AssertOnly(["Redis.Protocol"], ProjectReferences(Project("Redis.Client")));
        Assert.DoesNotContain(PackageReferences(Project("Redis.Client")), name =>
            name.StartsWith("Mediator", StringComparison.Ordinal) || name.StartsWith("FluentValidation", StringComparison.Ordinal));
    }

    [Fact]
    public void ProtocolAssemblyReferencesOnlyTheBaseClassLibrary()
    {
        var references = typeof(Reply).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, name => Assert.True(
            name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "netstandard",
            $"Redis.Protocol references {name}"));
    }

    [Fact]
    public void ApplicationReferencesOnlyDomainProtocolAndItsAllowedPackages()
    {
        var project = Project("Redis.Application");

        AssertOnly(["Redis.Domain", "Redis.Protocol"], ProjectReferences(project));
        AssertOnly(
            ["Mediator.Abstractions", "FluentValidation", "FluentValidation.DependencyInjectionExtensions"],
            PackageReferences(project));
    }

    [Fact]
    public void InfrastructureReferencesOnlyApplicationDomainAndProtocolProjects()
    {
        AssertOnly(["Redis.Application", "Redis.Domain", "Redis.Protocol"], ProjectReferences(Project("Redis.Infrastructure")));
    }

    [Fact]
    public void DomainAssemblyReferencesOnlyTheBaseClassLibrary()
    {
        var references = typeof(Keyspace).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(
            name.StartsWith("System.", StringComparison.Ordinal) || name is "System" or "netstandard",
            $"Redis.Domain references {name}"));
    }

    [Fact]
    public void ApplicationAssemblyReferencesNoOuterLayer()
    {
        var references = typeof(CommandRouter).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains(typeof(Keyspace).Assembly.GetName().Name, references);
        Assert.DoesNotContain("Redis.Infrastructure", references);
        Assert.DoesNotContain("Redis.Server", references);
    }

    private static void AssertOnly(string[] allowed, IReadOnlyList<string> actual) =>
        Assert.Empty(actual.Except(allowed, StringComparer.OrdinalIgnoreCase));

    private static XDocument Project(string name) =>
        XDocument.Load(Path.Combine(Root.FullName, name, name + ".csproj"));

    private static List<string> ProjectReferences(XDocument project) =>
    [
        .. project.Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(((string?)e.Attribute("Include") ?? "").Replace('\\', '/'))),
    ];

    private static List<string> PackageReferences(XDocument project) =>
        [.. project.Descendants("PackageReference").Select(e => (string?)e.Attribute("Include") ?? (string?)e.Attribute("Update") ?? "")];

    private static DirectoryInfo FindSolutionRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RedisClean.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException($"No RedisClean.sln above {AppContext.BaseDirectory}.");
    }
}
