using BudgetGrpc.Worker.Folders;
using BudgetGrpc.Worker.Options;
using BudgetGrpc.Worker.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace BudgetGrpc.Worker.Tests;

/// <summary>Which files a run looks at, and the department each is sent for, over real folders.</summary>
public sealed class InboxScannerTests : IDisposable
{
    private readonly Inbox inbox = new();

    private List<InboxFile> Scan(FolderImportOptions options) =>
        new InboxScanner(Microsoft.Extensions.Options.Options.Create(options), NullLogger<InboxScanner>.Instance).Scan().ToList();

    private FolderImportOptions Options() => new()
    {
        Inbox = inbox.InboxFolder,
        Archive = inbox.Archive,
        Quarantine = inbox.Quarantine,
        Departments = new(StringComparer.OrdinalIgnoreCase) { ["JY01"] = "样例县教育局" },
    };

    [Fact]
    public void Folder_codes_map_to_department_names_and_unmapped_folder_names_are_sent_as_they_are()
    {
        inbox.Drop("jy01", "表.xlsx", [1]);
        inbox.Drop("样例县农业农村局", "表.csv", [1]);

        var found = Scan(Options()).ToDictionary(f => f.RelativePath + "@" + Path.GetFileName(Path.GetDirectoryName(f.Path)), f => f.Department);

        Assert.Equal("样例县教育局", found["表.xlsx@jy01"]);
        Assert.Equal("样例县农业农村局", found["表.csv@样例县农业农村局"]);
    }

    [Fact]
    public void Include_and_exclude_globs_apply_below_the_department_folder_and_recursion_can_be_turned_off()
    {
        inbox.Drop("样例县教育局", "表.xlsx", [1]);
        inbox.Drop("样例县教育局", "说明.jpg", [1]); // a scan: no format the engine reads
        inbox.Drop("样例县教育局", Path.Combine("2025", "表.docx"), [1]);
        inbox.Drop("样例县教育局", Path.Combine("草稿", "表.xlsx"), [1]);
        var options = Options();
        options.Exclude = ["草稿/**"];

        Assert.Equal(["2025/表.docx", "表.xlsx"], Scan(options).Select(f => f.RelativePath.Replace('\\', '/')).Order(StringComparer.Ordinal));

        options.Recursive = false;
        Assert.Equal(["表.xlsx"], Scan(options).Select(f => f.RelativePath));
    }

    [Fact]
    public void Folders_map_shares_outside_the_inbox_and_files_in_the_inbox_root_go_without_a_hint()
    {
        var share = Path.Combine(inbox.Root, "教育局共享");
        Directory.CreateDirectory(share);
        File.WriteAllBytes(Path.Combine(share, "表.html"), [1]);
        File.WriteAllBytes(Path.Combine(inbox.InboxFolder, "无部门.csv"), [1]);
        var options = Options();
        options.Folders = [new DepartmentFolder { Path = share, Department = "JY01" }];

        var found = Scan(options);

        Assert.Equal("样例县教育局", Assert.Single(found, f => f.Path.StartsWith(share, StringComparison.Ordinal)).Department);
        Assert.Equal("", Assert.Single(found, f => f.RelativePath == "无部门.csv").Department);
    }

    [Fact]
    public void Lock_and_temp_files_and_hidden_folders_are_not_listed()
    {
        inbox.Drop("样例县教育局", "~$表.xlsx", [1]);
        inbox.Drop("样例县教育局", "表.xlsx.part", [1]);
        inbox.Drop("样例县教育局", Path.Combine(".sync", "表.xlsx"), [1]);
        inbox.Drop("样例县教育局", "表.xlsx", [1]);

        Assert.Equal(["表.xlsx"], Scan(Options()).Select(f => f.RelativePath));
    }

    public void Dispose() => inbox.Dispose();
}
