using BudgetGrpc.Worker.Folders;
using BudgetGrpc.Worker.Jobs;

namespace BudgetGrpc.Worker.Tests;

/// <summary>
/// The last guard before a file is sent: its bytes are taken only when its size and last write time are still those
/// the stability check saw. A file written to between the check and the read is left for the next run.
/// </summary>
public sealed class ChangedWhileReadTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("budget-read-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>A file with its stamp as the stability check would have recorded it.</summary>
    private InboxFile Seen(string text)
    {
        var path = Path.Combine(folder, "表.csv");
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 3, 31, 9, 0, 0, DateTimeKind.Utc));
        return new InboxFile(path, "表.csv", "样例县农业农村局", FileStamp.Of(path)!.Value);
    }

    [Fact]
    public async Task An_unchanged_file_is_read_whole()
    {
        var file = Seen("a,b\n1,2\n");
        Assert.Equal("a,b\n1,2\n"u8.ToArray(), await FolderImportJob.ReadUnchangedAsync(file, CancellationToken.None));
    }

    [Fact]
    public async Task A_file_that_grew_after_it_was_seen_is_not_read()
    {
        var file = Seen("a,b\n1,2\n");
        File.AppendAllText(file.Path, "3,4\n");
        File.SetLastWriteTimeUtc(file.Path, file.Stamp.LastWriteUtc); // even with the old time, the size tells
        Assert.Null(await FolderImportJob.ReadUnchangedAsync(file, CancellationToken.None));
    }

    [Fact]
    public async Task A_file_rewritten_to_the_same_size_after_it_was_seen_is_not_read()
    {
        var file = Seen("a,b\n1,2\n");
        File.WriteAllText(file.Path, "a,b\n9,9\n");
        File.SetLastWriteTimeUtc(file.Path, file.Stamp.LastWriteUtc.AddSeconds(1));
        Assert.Null(await FolderImportJob.ReadUnchangedAsync(file, CancellationToken.None));
    }

    [Fact]
    public async Task A_file_cut_short_or_gone_after_it_was_seen_is_not_read()
    {
        var file = Seen("a,b\n1,2\n");
        File.WriteAllText(file.Path, "a,b\n");
        File.SetLastWriteTimeUtc(file.Path, file.Stamp.LastWriteUtc);
        Assert.Null(await FolderImportJob.ReadUnchangedAsync(file, CancellationToken.None));
        File.Delete(file.Path);
        Assert.Null(await FolderImportJob.ReadUnchangedAsync(file, CancellationToken.None));
    }
}
