using BudgetGrpc.Tools.Remote;
using Xunit;

namespace BudgetGrpc.Tools.Tests;

/// <summary>How FILE… arguments become files: folders, patterns (expanded here, not by a shell) and missing names.</summary>
public sealed class FileArgumentsTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("budget-files-").FullName;

    public FileArgumentsTests()
    {
        foreach (var file in new[] { "a.xlsx", "b.xlsx", "c.csv", ".hidden.xlsx", "sub/d.xlsx", "sub/deeper/e.xlsx" })
        {
            var path = Path.Combine(_root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file);
        }
    }

    [Fact]
    public void A_folder_gives_its_visible_files_but_not_its_subfolders()
    {
        var expanded = FileArguments.Expand([_root]);

        Assert.Equal(["a.xlsx", "b.xlsx", "c.csv"], expanded.Files.Select(Path.GetFileName));
        Assert.Empty(expanded.Unmatched);
    }

    [Fact]
    public void Patterns_match_in_one_folder_or_at_any_depth()
    {
        Assert.Equal(["a.xlsx", "b.xlsx"], FileArguments.Expand([Path.Combine(_root, "*.xlsx")]).Files.Select(Path.GetFileName));
        Assert.Equal(["a.xlsx", "b.xlsx", "d.xlsx", "e.xlsx"],
            FileArguments.Expand([Path.Combine(_root, "**", "*.xlsx")]).Files.Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_file_named_twice_is_imported_once_and_a_pattern_without_match_is_reported()
    {
        var a = Path.Combine(_root, "a.xlsx");
        var expanded = FileArguments.Expand([a, Path.Combine(_root, "a.*"), Path.Combine(_root, "*.docx")]);

        Assert.Equal([a], expanded.Files);
        Assert.Equal([Path.Combine(_root, "*.docx")], expanded.Unmatched);
    }

    [Fact]
    public void A_missing_file_is_kept_for_the_import_to_report()
    {
        var missing = Path.Combine(_root, "missing.xlsx");

        Assert.Equal([missing], FileArguments.Expand([missing]).Files);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
