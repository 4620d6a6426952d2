using System.Runtime.InteropServices;
using System.Text;
using BudgetGrpc.Tools;
using BudgetGrpc.Worker.Folders;
using BudgetGrpc.Worker.Options;
using BudgetGrpc.Worker.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace BudgetGrpc.Worker.Tests;

/// <summary>
/// What a folder scan must not do with what people (or attackers) leave in a share: follow a link out of the inbox,
/// open a FIFO or a device, fail on a name too long to archive, or drop a file whose name cannot be read without a word.
/// </summary>
public sealed partial class FolderSafetyTests : ServerAndInboxTests
{
    private FolderImportOptions Options() => new()
    {
        Inbox = inbox.InboxFolder,
        Archive = inbox.Archive,
        Quarantine = inbox.Quarantine,
    };

    private static List<InboxFile> Scan(FolderImportOptions options, List<SkippedEntry> skipped)
    {
        var notes = new ScanNotes();
        var found = new InboxScanner(Microsoft.Extensions.Options.Options.Create(options), NullLogger<InboxScanner>.Instance).Scan(notes).ToList();
        skipped.AddRange(notes.Skipped);
        return found;
    }

    /// <summary>A folder outside the inbox holding a table, as an attacker's target would.</summary>
    private string Outside(string name)
    {
        var folder = Path.Combine(inbox.Root, "outside");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.Copy(Path.Combine(Inbox.Samples, "yangli-2025-agri.xlsx"), path, overwrite: true);
        return path;
    }

    [Fact]
    public void A_symlinked_department_folder_is_not_followed_and_is_reported_as_skipped()
    {
        var outside = Path.GetDirectoryName(Outside("表.xlsx"))!;
        Directory.CreateSymbolicLink(Path.Combine(inbox.InboxFolder, "样例县教育局"), outside);
        inbox.Drop("样例县农业农村局", "表.csv", [1]);
        var skipped = new List<SkippedEntry>();

        var found = Scan(Options(), skipped);

        Assert.Equal(["表.csv"], found.Select(f => f.RelativePath));
        var entry = Assert.Single(skipped);
        Assert.Equal(Path.Combine(inbox.InboxFolder, "样例县教育局"), entry.Path);
        Assert.Contains("symbolic link", entry.Reason);
    }

    [Fact]
    public void A_symlinked_sub_folder_and_a_symlinked_file_are_not_followed()
    {
        var target = Outside("passwd.csv");
        var department = inbox.Department("样例县教育局");
        File.CreateSymbolicLink(Path.Combine(department, "表.csv"), target);
        Directory.CreateSymbolicLink(Path.Combine(department, "2025"), Path.GetDirectoryName(target)!);
        inbox.Drop("样例县教育局", "真表.csv", [1]);
        var skipped = new List<SkippedEntry>();

        var found = Scan(Options(), skipped);

        Assert.Equal(["真表.csv"], found.Select(f => f.RelativePath));
        Assert.Equal(2, skipped.Count);
        Assert.All(skipped, s => Assert.Contains("symbolic link", s.Reason));
    }

    [SkippableFact]
    public void A_fifo_in_a_department_folder_is_never_opened()
    {
        Skip.If(OperatingSystem.IsWindows(), "no FIFOs in Windows folders");
        var department = inbox.Department("样例县教育局");
        var fifo = Path.Combine(department, "表.csv");
        Assert.Equal(0, MakeFifo(Encoding.UTF8.GetBytes(fifo + "\0"), Convert.ToUInt32("600", 8)));
        inbox.Drop("样例县教育局", "真表.csv", [1]);
        var skipped = new List<SkippedEntry>();

        var found = Scan(Options(), skipped);

        Assert.Equal(["真表.csv"], found.Select(f => f.RelativePath));
        Assert.Contains("FIFO", Assert.Single(skipped).Reason);
    }

    [SkippableFact]
    public async Task A_run_with_a_fifo_and_links_imports_only_the_regular_files_and_status_lists_what_was_skipped()
    {
        Skip.If(OperatingSystem.IsWindows(), "no FIFOs in Windows folders");
        var department = inbox.Department("样例县农业农村局");
        Assert.Equal(0, MakeFifo(Encoding.UTF8.GetBytes(Path.Combine(department, "管道.csv") + "\0"), Convert.ToUInt32("600", 8)));
        File.CreateSymbolicLink(Path.Combine(department, "链接.xlsx"), Outside("链接目标.xlsx"));
        inbox.DropSample("样例县农业农村局", "yangli-2025-agri.xlsx");
        var settings = inbox.WorkerSettings(server.Url, LoopbackServer.ImporterKey);
        await using var worker = await WorkerHost.StartAsync(settings);

        var first = await worker.RunNowAsync(TimeSpan.FromSeconds(60));
        var second = await worker.RunNowAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, first.Imported);
        Assert.Equal(2, first.SkippedCount);
        Assert.Equal(2, second.SkippedCount);
        Assert.True(File.Exists(Path.Combine(inbox.Root, "outside", "链接目标.xlsx")), "the link's target stays where it is");
        // Logged once across runs, not once per run.
        Assert.Single(worker.Logs, m => m.Contains("管道.csv", StringComparison.Ordinal));
        var output = new StringWriter();
        var exit = await BudgetCli.RunAsync(["worker", "status", "--store-provider", "Sqlite", "--store", $"Data Source={inbox.QuartzDb}"],
            new CliConsole(output, new StringWriter(), interactive: false));
        Assert.Equal(0, exit);
        Assert.Contains("2 skipped", output.ToString());
        Assert.Contains("管道.csv", output.ToString());
        Assert.Contains("链接.xlsx", output.ToString());
    }

    [Fact]
    public void An_archive_name_too_long_for_the_file_system_is_shortened_and_stays_unique()
    {
        // 80 CJK characters are 240 UTF-8 bytes: the name fits in the inbox, but not with -1 or .error.json added.
        var stem = string.Concat(Enumerable.Repeat("预算绩效目标", 14))[..80];
        var parking = new FileParking(Microsoft.Extensions.Options.Options.Create(Options()), TimeProvider.System);
        var report = new QuarantineReport(stem + ".xlsx", "", "教育局", DateTimeOffset.UtcNow, "", 1, "", "INVALID_ARGUMENT",
            "UNREADABLE_FILE", "坏文件", [], new Dictionary<string, string>());

        var targets = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var file = Dropped(stem + ".xlsx", "x" + i);
            targets.Add(i == 0 ? parking.Archive(file, "教育局") : parking.Quarantine(file, "教育局", report));
        }
        targets.Add(parking.Quarantine(Dropped(stem + ".xlsx", "x3"), "教育局", report));

        Assert.Equal(4, targets.Distinct().Count());
        Assert.All(targets, t => Assert.True(Encoding.UTF8.GetByteCount(Path.GetFileName(t) + ".error.json") <= 255, t));
        Assert.All(targets, t => Assert.EndsWith(".xlsx", t));
        Assert.Equal(["x0", "x1", "x2", "x3"], targets.Select(File.ReadAllText));
    }

    private InboxFile Dropped(string name, string text)
    {
        var path = inbox.Drop("教育局", name, Encoding.UTF8.GetBytes(text));
        return new InboxFile(path, name, "教育局", FileStamp.Of(path)!.Value);
    }

    [SkippableFact]
    public async Task A_file_name_that_is_not_utf8_is_quarantined_with_a_reason_instead_of_being_dropped_silently()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "only Linux keeps names as raw bytes");
        var department = inbox.Department("样例县农业农村局");
        // 表.csv written by a tool that used GBK, as unzipping an archive made on Chinese Windows does.
        var raw = Encoding.UTF8.GetBytes(department + "/").Concat(new byte[] { 0xB1, 0xED }).Concat(Encoding.ASCII.GetBytes(".csv\0")).ToArray();
        var fd = Create(raw, Convert.ToUInt32("644", 8));
        Assert.True(fd >= 0);
        Assert.Equal(0, Close(fd));
        var settings = inbox.WorkerSettings(server.Url, LoopbackServer.ImporterKey);
        await using var worker = await WorkerHost.StartAsync(settings);

        var summary = await worker.RunNowAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, summary.Quarantined);
        Assert.Empty(Directory.EnumerateFileSystemEntries(department));
        var report = Assert.Single(inbox.FilesUnder(inbox.Quarantine), p => p.EndsWith(".error.json", StringComparison.Ordinal));
        var text = File.ReadAllText(report);
        Assert.Contains("UNREADABLE_FILE_NAME", text);
        Assert.Contains("b1ed2e637376", text); // the name's bytes, so the operator can tell which file it was
        // The quarantined copy is named readably: the GBK bytes decoded, as the department meant them.
        Assert.Contains(inbox.FilesUnder(inbox.Quarantine), p => Path.GetFileName(p) == "表.csv");
    }

    [LibraryImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
    private static partial int MakeFifo(byte[] path, uint mode);

    [LibraryImport("libc", EntryPoint = "creat", SetLastError = true)]
    private static partial int Create(byte[] path, uint mode);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
