using BudgetGrpc.Engine.Validation;
using BudgetGrpc.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Data;

public static class BudgetDataExtensions
{
    /// <summary>
    /// Registers <see cref="BudgetDbContext"/> for the provider named in section "Database", the
    /// <see cref="DisclosureStore"/>, <see cref="RevisionWriter"/> and <see cref="UploadLog"/>, and (unless already
    /// registered) the engine and the clock.
    /// </summary>
    public static IHostApplicationBuilder AddBudgetData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => Enum.IsDefined(o.Provider), "Database:Provider must be Sqlite, PostgreSql or SqlServer.")
            .ValidateOnStart();

        var options = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        builder.Services.AddBudgetDbContext(options);
        if (options.Provider == DatabaseProvider.Sqlite && options.SqliteCheckpointMilliseconds > 0)
            builder.Services.AddHostedService<SqliteCheckpointer>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        // Per-deployment rule severities and switches (section "Validation", see docs/rules.md); an unknown rule id
        // stops the start with the list of known ids.
        builder.Services.AddOptions<ValidationOptions>()
            .BindConfiguration("Validation")
            .Validate(o => o.Rules.Keys.All(id => RuleCatalog.Find(id) is not null),
                "Validation:Rules names unknown rule ids; see docs/rules.md for the catalog")
            .ValidateOnStart();
        // A host that registers an IDocumentConverter (the server: LibreOffice) lets the engine read legacy .doc/.wps.
        builder.Services.TryAddSingleton(sp => new DisclosureEngine(
            limits: sp.GetService<EngineLimits>(),
            validator: new Validator(sp.GetRequiredService<IOptions<ValidationOptions>>().Value),
            converter: sp.GetService<IDocumentConverter>()));
        builder.Services.AddOptions<UploadLogOptions>().BindConfiguration(UploadLogOptions.Section)
            .Validate(o => o.RejectedContentQuotaBytes >= 0, "Limits:RejectedContentQuotaBytes must not be negative")
            .ValidateOnStart();
        builder.Services.TryAddScoped<DisclosureStore>();
        builder.Services.TryAddScoped<RevisionWriter>();
        builder.Services.TryAddScoped<UploadLog>();
        return builder;
    }

    /// <summary>
    /// Registers the provider's context as <see cref="BudgetDbContext"/>, pooled: a read RPC then costs a query,
    /// not the setup of a new context. Tests and tools call this directly.
    /// </summary>
    public static IServiceCollection AddBudgetDbContext(this IServiceCollection services, DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.AddDbContextPool<BudgetDbContext, SqliteBudgetDbContext>(o => ConfigureSqlite(o, options));
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContextPool<BudgetDbContext, PostgreSqlBudgetDbContext>(o => ConfigurePostgreSql(o, options));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContextPool<BudgetDbContext, SqlServerBudgetDbContext>(o => ConfigureSqlServer(o, options));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "unknown database provider");
        }
        return services;
    }

    public static DbContextOptionsBuilder ConfigureSqlite(DbContextOptionsBuilder builder, DatabaseOptions options) =>
        builder.UseSqlite(options.ConnectionString, o => o
            .MigrationsAssembly(typeof(BudgetDbContext).Assembly.FullName)
            .CommandTimeout(options.CommandTimeoutSeconds))
            .AddInterceptors(SqlitePragmas.Instance);

    public static DbContextOptionsBuilder ConfigurePostgreSql(DbContextOptionsBuilder builder, DatabaseOptions options) =>
        builder.UseNpgsql(options.ConnectionString, o => o
            .MigrationsAssembly(typeof(BudgetDbContext).Assembly.FullName)
            .CommandTimeout(options.CommandTimeoutSeconds));

    public static DbContextOptionsBuilder ConfigureSqlServer(DbContextOptionsBuilder builder, DatabaseOptions options) =>
        builder.UseSqlServer(options.ConnectionString, o => o
            .MigrationsAssembly(typeof(BudgetDbContext).Assembly.FullName)
            .CommandTimeout(options.CommandTimeoutSeconds));

    /// <summary>Creates the database (and, for SQLite, its folder) and applies pending migrations. Call once at start.</summary>
    public static async Task MigrateBudgetDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BudgetDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BudgetDataExtensions));
        await MigrateAsync(db, logger, cancellationToken);
    }

    /// <summary>Same as <see cref="MigrateBudgetDatabaseAsync"/> for a context the caller made.</summary>
    public static async Task MigrateAsync(BudgetDbContext db, ILogger? logger = null, CancellationToken cancellationToken = default)
    {
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(db.Database.GetConnectionString());
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger?.LogInformation("Applying {Count} migration(s) to the {Provider} database: {Migrations}",
                pending.Count, db.Provider, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while one import writes; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>The folder of the SQLite database file, or null for another provider or an in-memory database.</summary>
    public static string? SqliteFolder(DatabaseOptions options) =>
        options.Provider == DatabaseProvider.Sqlite && SqliteFiles.FullPath(options.ConnectionString) is { } file
            ? Path.GetDirectoryName(file)
            : null;

    private static void EnsureSqliteFolder(string? connectionString)
    {
        var folder = Path.GetDirectoryName(SqliteFiles.FullPath(connectionString));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }
}
