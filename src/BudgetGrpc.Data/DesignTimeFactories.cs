using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BudgetGrpc.Data;

// `dotnet ef migrations add` builds a context per provider through these; the connection strings are never
// opened while adding migrations. Set BUDGET_DESIGN_CONNECTION to point `dotnet ef database update` elsewhere.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteBudgetDbContext>
{
    public SqliteBudgetDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteBudgetDbContext>();
        BudgetDataExtensions.ConfigureSqlite(builder, DesignTime.Options(DatabaseProvider.Sqlite, DatabaseOptions.DefaultSqliteConnectionString));
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
    public static DatabaseOptions Options(DatabaseProvider provider, string fallback) => new()
    {
        Provider = provider,
        ConnectionString = Environment.GetEnvironmentVariable("BUDGET_DESIGN_CONNECTION") is { Length: > 0 } cs ? cs : fallback,
    };
}
