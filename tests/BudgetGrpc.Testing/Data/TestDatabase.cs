using BudgetGrpc.Data;
using BudgetGrpc.Engine;
using BudgetGrpc.Server.Import;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;

namespace BudgetGrpc.Data.Tests.Infrastructure;

/// <summary>One real, migrated database for one test: a SQLite file in a temp folder or a database in the test cluster.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _folder;

    private TestDatabase(DatabaseOptions options, string? folder)
    {
        Options = options;
        _folder = folder;
    }

    public DatabaseOptions Options { get; }

    public static async Task<TestDatabase> CreateSqliteAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "budget-sqlite-" + Guid.NewGuid().ToString("N")[..12]);
        // A subfolder that does not exist yet: migration must create it, as on a server's first start.
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = $"Data Source={Path.Combine(folder, "data", "budget.db")}" };
        var database = new TestDatabase(options, folder);
        await using var db = database.CreateContext();
        await BudgetDataExtensions.MigrateAsync(db);
        return database;
    }

    public static async Task<TestDatabase> CreatePostgreSqlAsync(PostgresCluster cluster) =>
        new(new DatabaseOptions { Provider = DatabaseProvider.PostgreSql, ConnectionString = await cluster.CreateDatabaseAsync() }, null);

    public BudgetDbContext CreateContext(params IInterceptor[] interceptors) => CreateContext(Options, interceptors);

    public static BudgetDbContext CreateContext(DatabaseOptions options, params IInterceptor[] interceptors)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
            {
                var builder = new DbContextOptionsBuilder<SqliteBudgetDbContext>();
                BudgetDataExtensions.ConfigureSqlite(builder, options).AddInterceptors(interceptors);
                return new SqliteBudgetDbContext(builder.Options);
            }
            case DatabaseProvider.PostgreSql:
            {
                var builder = new DbContextOptionsBuilder<PostgreSqlBudgetDbContext>();
                BudgetDataExtensions.ConfigurePostgreSql(builder, options).AddInterceptors(interceptors);
                return new PostgreSqlBudgetDbContext(builder.Options);
            }
            default:
            {
                var builder = new DbContextOptionsBuilder<SqlServerBudgetDbContext>();
                BudgetDataExtensions.ConfigureSqlServer(builder, options).AddInterceptors(interceptors);
                return new SqlServerBudgetDbContext(builder.Options);
            }
        }
    }

    public static DisclosureStore Store(BudgetDbContext db) => new(db);

    public static RevisionWriter Writer(BudgetDbContext db) => new(db, NullLogger<RevisionWriter>.Instance);

    public static UploadLog Uploads(BudgetDbContext db, long? rejectedContentQuotaBytes = null) =>
        new(db, NullLogger<UploadLog>.Instance,
            rejectedContentQuotaBytes is long quota ? Microsoft.Extensions.Options.Options.Create(new UploadLogOptions { RejectedContentQuotaBytes = quota }) : null);

    /// <summary>The server's import path over <paramref name="db"/>, as a request scope builds it.</summary>
    public static ImportService Importer(BudgetDbContext db, DisclosureEngine? engine = null, TimeProvider? time = null) =>
        new(engine ?? new DisclosureEngine(), Writer(db), Uploads(db), Store(db), time ?? TimeProvider.System, NullLogger<ImportService>.Instance);

    /// <summary>The server's reprocess over <paramref name="db"/>, with <paramref name="engine"/> as the current engine.</summary>
    public static ReprocessService Reprocessor(BudgetDbContext db, DisclosureEngine? engine = null) =>
        new(db, engine ?? new DisclosureEngine(), Writer(db), TimeProvider.System, NullLogger<ReprocessService>.Instance);

    public ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(_folder, recursive: true); }
            catch (IOException) { /* a file still open on a slow runner; the temp folder is cleaned eventually */ }
        }
        return ValueTask.CompletedTask;
    }
}
