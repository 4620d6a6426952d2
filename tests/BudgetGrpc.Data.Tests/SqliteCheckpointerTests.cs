using BudgetGrpc.Data.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BudgetGrpc.Data.Tests;

public sealed class SqliteCheckpointerTests
{
    [Fact]
    public async Task A_round_copies_the_whole_log_into_the_file_and_the_next_import_starts_the_log_over()
    {
        await using var database = await TestDatabase.CreateSqliteAsync();
        foreach (var department in new[] { "甲县财政局", "乙县财政局", "丙县财政局" })
            await WriteAsync(database, department);
        var wal = database.Options.ConnectionString["Data Source=".Length..] + "-wal";
        var walBytes = new FileInfo(wal).Length;

        var (log, checkpointed) = await SqliteCheckpointer.CheckpointAsync(database.Options.ConnectionString, CancellationToken.None);

        // The log file is a 32-byte header and frames of a 24-byte header and a 4 KiB page.
        Assert.Equal((walBytes - 32) / (24 + 4096), log);
        Assert.Equal(log, checkpointed);
        await WriteAsync(database, "丁县财政局");
        Assert.Equal(walBytes, new FileInfo(wal).Length);
        await using var db = database.CreateContext();
        Assert.Equal(4, db.Disclosures.Count());
    }

    [Fact]
    public async Task A_round_never_creates_a_database_file()
    {
        var folder = Directory.CreateTempSubdirectory("budget-checkpoint-").FullName;
        try
        {
            var file = Path.Combine(folder, "budget.db");
            var ex = await Assert.ThrowsAsync<SqliteException>(() => SqliteCheckpointer.CheckpointAsync($"Data Source={file}", CancellationToken.None));
            Assert.Equal(14, ex.SqliteErrorCode);
            Assert.False(File.Exists(file));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("Sqlite", "250", true)]
    [InlineData("Sqlite", "0", false)]
    [InlineData("PostgreSql", "250", false)]
    public void The_background_checkpoint_runs_for_SQLite_unless_switched_off(string provider, string milliseconds, bool hosted)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Database:ConnectionString"] = provider == "Sqlite" ? "Data Source=unused.db" : "Host=127.0.0.1;Database=x;Username=y",
            ["Database:SqliteCheckpointMilliseconds"] = milliseconds,
        });
        builder.AddBudgetData();
        using var host = builder.Build();
        Assert.Equal(hosted, host.Services.GetServices<IHostedService>().OfType<SqliteCheckpointer>().Any());
    }

    [Fact]
    public async Task One_file_spelled_two_ways_has_one_write_turn()
    {
        var folder = Directory.CreateTempSubdirectory("budget-gate-").FullName;
        try
        {
            var full = Path.Combine(folder, "budget.db");
            var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
            var first = await SqliteWriteGate.EnterAsync($"Data Source={relative}", CancellationToken.None);
            // No sleep needed: a free gate is entered synchronously (the task is complete on return), a taken one is not.
            var second = SqliteWriteGate.EnterAsync($"Data Source={full};Cache=Shared", CancellationToken.None);
            Assert.False(second.IsCompleted, "the second spelling waits for the first one's turn");
            var other = SqliteWriteGate.EnterAsync($"Data Source={Path.Combine(folder, "other.db")}", CancellationToken.None);
            Assert.True(other.IsCompletedSuccessfully, "another file has its own turn");
            (await other).Dispose();
            first.Dispose();
            (await second.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task WriteAsync(TestDatabase database, string department)
    {
        await using var db = database.CreateContext();
        var parsed = TestDisclosures.Make(department: department);
        var written = await TestDatabase.Writer(db).WriteAsync(TestDisclosures.Rows(parsed, TestDisclosures.Bytes(department)), null, CancellationToken.None);
        Assert.Equal(RevisionWriteStatus.Created, written.Status);
    }
}
