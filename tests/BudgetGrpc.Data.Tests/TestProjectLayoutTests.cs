using System.Xml.Linq;
using BudgetGrpc.Testing;

namespace BudgetGrpc.Data.Tests;

/// <summary>
/// What test projects share comes from the test kit (tests/BudgetGrpc.Testing), once: no project under tests/ or
/// tools/ compiles a source file from outside its own folder, and none references a project under tests/ but the kit.
/// </summary>
public sealed class TestProjectLayoutTests
{
    private const string Kit = "tests/BudgetGrpc.Testing/BudgetGrpc.Testing.csproj";

    public static TheoryData<string> Projects()
    {
        var data = new TheoryData<string>();
        foreach (var folder in new[] { "tests", "tools" })
            foreach (var project in Directory.EnumerateFiles(Path.Combine(Repository.Root, folder), "*.*proj", SearchOption.AllDirectories)
                         .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
                         .Order(StringComparer.Ordinal))
                data.Add(Relative(project));
        return data;
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void Compiles_only_its_own_files_and_references_no_test_project_but_the_kit(string project)
    {
        var path = Path.Combine(Repository.Root, project);
        var folder = Path.GetDirectoryName(path)! + Path.DirectorySeparatorChar;
        var items = XDocument.Load(path).Descendants().ToList();

        var linked = items.Where(e => e.Name.LocalName == "Compile")
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>()
            .Where(include => !Resolve(folder, include).StartsWith(folder, StringComparison.Ordinal))
            .ToList();
        Assert.True(linked.Count == 0,
            $"{project} compiles source files from outside its folder ({string.Join(", ", linked)}); move what they share into {Kit} and reference it");

        var testReferences = items.Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>()
            .Where(include => Relative(Resolve(folder, include)) is var target && target.StartsWith("tests/", StringComparison.Ordinal) && target != Kit)
            .ToList();
        Assert.True(testReferences.Count == 0,
            $"{project} references another test project ({string.Join(", ", testReferences)}); move what it needs into {Kit} and reference that");
    }

    [Fact]
    public void The_kit_is_a_library_that_no_test_run_picks_up()
    {
        var kit = XDocument.Load(Path.Combine(Repository.Root, Kit));
        Assert.Equal("false", kit.Descendants().Single(e => e.Name.LocalName == "IsTestProject").Value);
        var packages = kit.Descendants().Where(e => e.Name.LocalName == "PackageReference").Select(e => (string?)e.Attribute("Include")).ToList();
        // Either would make `dotnet test` run the kit as a test project (xunit's build props set IsTestProject).
        Assert.DoesNotContain("Microsoft.NET.Test.Sdk", packages);
        Assert.DoesNotContain("xunit", packages);
    }

    private static string Resolve(string folder, string include) => Path.GetFullPath(Path.Combine(folder, include.Replace('\\', '/')));

    private static string Relative(string path) => Path.GetRelativePath(Repository.Root, path).Replace('\\', '/');
}
