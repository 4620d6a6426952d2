using BudgetGrpc.Worker.Folders;
using BudgetGrpc.Worker.Options;
using BudgetGrpc.Worker.Tests.Infrastructure;

namespace BudgetGrpc.Worker.Tests;

/// <summary>Archive and quarantine over real folders: nothing deleted, nothing overwritten.</summary>
public sealed class FileParkingTests : IDisposable
{
    private readonly Inbox inbox = new();
    private readonly FixedTime time = new(new DateTimeOffset(2026, 3, 31, 17, 30, 0, TimeSpan.Zero));

    private FileParking Parking() => new(Microsoft.Extensions.Options.Options.Create(new FolderImportOptions
    {
        Inbox = inbox.InboxFolder,
        Archive = inbox.Archive,
        Quarantine = inbox.Quarantine,
        TimeZone = "Asia/Shanghai",
    }), time);

    private InboxFile Dropped(string department, string relative, string text)
    {
        var path = Path.Combine(inbox.Department(department), relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return new InboxFile(path, relative, department, FileStamp.Of(path)!.Value);
    }

    [Fact]
    public void A_name_clash_in_the_archive_gets_a_numbered_name_and_never_overwrites()
    {
        var parking = Parking();
        var first = parking.Archive(Dropped("教育局", "表.xlsx", "first"), "教育局");
        var second = parking.Archive(Dropped("教育局", "表.xlsx", "second"), "教育局");
        var third = parking.Archive(Dropped("教育局", "表.xlsx", "third"), "教育局");

        // 17:30 UTC is already April 1st in Beijing: the dated folder follows the configured time zone.
        var folder = Path.Combine(inbox.Archive, "教育局", "2026-04-01");
        Assert.Equal(Path.Combine(folder, "表.xlsx"), first);
        Assert.Equal(Path.Combine(folder, "表-1.xlsx"), second);
        Assert.Equal(Path.Combine(folder, "表-2.xlsx"), third);
        Assert.Equal(["first", "second", "third"], new[] { first, second, third }.Select(File.ReadAllText));
    }

    [Fact]
    public void Sub_folders_of_a_department_folder_are_kept_below_the_dated_folder()
    {
        var archived = Parking().Archive(Dropped("教育局", Path.Combine("2025", "预算", "表.csv"), "x"), "教育局");
        Assert.Equal(Path.Combine(inbox.Archive, "教育局", "2026-04-01", "2025", "预算", "表.csv"), archived);
    }

    [Fact]
    public void A_quarantined_file_gets_its_error_report_beside_it_and_a_clash_renames_both()
    {
        var parking = Parking();
        var report = new QuarantineReport("表.xlsx", "/inbox/表.xlsx", "教育局", time.GetUtcNow(), "ab", 5, "http://127.0.0.1:5080",
            "INVALID_ARGUMENT", "UNREADABLE_FILE", "坏文件", [new FieldViolationReport("content", "坏文件")], new Dictionary<string, string>());
        var first = parking.Quarantine(Dropped("教育局", "表.xlsx", "one"), "教育局", report);
        // An error report left from an earlier run holds the next name: the file takes the one after.
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(first)!, "表-1.xlsx.error.json"), "{}");
        var second = parking.Quarantine(Dropped("教育局", "表.xlsx", "two"), "教育局", report);

        Assert.EndsWith("表.xlsx", first);
        Assert.EndsWith("表-2.xlsx", second);
        Assert.Contains("UNREADABLE_FILE", File.ReadAllText(first + ".error.json"));
        Assert.Contains("UNREADABLE_FILE", File.ReadAllText(second + ".error.json"));
        Assert.Equal("{}", File.ReadAllText(Path.Combine(Path.GetDirectoryName(first)!, "表-1.xlsx.error.json")));
    }

    [Theory]
    [InlineData("~$预算.xlsx", true)]
    [InlineData(".~lock.预算.xlsx#", true)]
    [InlineData("预算.xlsx.part", true)]
    [InlineData("预算.tmp", true)]
    [InlineData("预算.xlsx.crdownload", true)]
    [InlineData(".hidden.csv", true)]
    [InlineData("Thumbs.db", true)]
    [InlineData("预算.xlsx", false)]
    [InlineData("2025年预算~终稿.docx", false)]
    public void Lock_temp_and_hidden_files_are_never_taken(string name, bool skipped) =>
        Assert.Equal(skipped, FileRules.IsTemporaryOrLock(name));

    public void Dispose() => inbox.Dispose();
}

internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
