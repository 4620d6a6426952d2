using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BudgetGrpc.Data;

// `dotnet ef` builds a context per provider through these; the connection strings are never opened while adding
// migrations. `dotnet ef migrations list` and `database update` open them: SQLite's is the database of the README's
// first command, <repository root>/data/budget.db, wherever dotnet ef runs the startup project from (its relative
// ./data/budget.db would name an empty file under src/ and report every applied migration as pending). Set
// BUDGET_DESIGN_CONNECTION to point them at another database.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBudgetDbContext>
{
    public SqliteBudgetDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteBudgetDbContext>();
        BudgetDataExtensions.ConfigureSqlite(builder, DesignTime.Options(DatabaseProvider.Sqlite, DesignTime.RepositorySqliteConnectionString()));
        return new SqliteBudgetDbContext(builder.Options);
    }
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlBudgetDbContext>
{
    public PostgreSqlBudgetDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgreSqlBudgetDbContext>();
        BudgetDataExtensions.ConfigurePostgreSql(builder, DesignTime.Options(DatabaseProvider.PostgreSql, "Host=localhost;Database=budget;Username=budget"));
        return new PostgreSqlBudgetDbContext(builder.Options);
    }
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerBudgetDbContext>
{
    public SqlServerBudgetDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqlServerBudgetDbContext>();
        BudgetDataExtensions.ConfigureSqlServer(builder, DesignTime.Options(DatabaseProvider.SqlServer, "Server=localhost;Database=budget;Trusted_Connection=True;TrustServerCertificate=True"));
        return new SqlServerBudgetDbContext(builder.Options);
    }
}

internal static class DesignTime
{
    /// <summary>The default SQLite file under the repository root (the folder holding BudgetGrpc.sln above the current one).</summary>
    public static string RepositorySqliteConnectionString()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BudgetGrpc.sln")))
                return $"Data Source={Path.Combine(folder.FullName, "data", "budget.db")}";
        }
        return DatabaseOptions.DefaultSqliteConnectionString;
    }

    public static DatabaseOptions Options(DatabaseProvider provider, string fallback) => new()
    {
        Provider = provider,
        ConnectionString = Environment.GetEnvironmentVariable("BUDGET_DESIGN_CONNECTION") is { Length: > 0 } cs ? cs : fallback,
    };
}
