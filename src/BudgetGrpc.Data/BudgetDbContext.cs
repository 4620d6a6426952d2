using BudgetGrpc.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace BudgetGrpc.Data;

/// <summary>
/// The server's database. Each provider has its own subclass (<see cref="SqliteBudgetDbContext"/>,
/// <see cref="PostgreSqlBudgetDbContext"/>, <see cref="SqlServerBudgetDbContext"/>) only so that each keeps
/// its own migrations; the model is the same.
/// </summary>
public abstract class BudgetDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<DisclosureEntity> Disclosures => Set<DisclosureEntity>();
    public DbSet<RevisionEntity> Revisions => Set<RevisionEntity>();
    public DbSet<ProjectEntity> Projects => Set<ProjectEntity>();
    public DbSet<ObjectiveEntity> Objectives => Set<ObjectiveEntity>();
    public DbSet<IndicatorEntity> Indicators => Set<IndicatorEntity>();
    public DbSet<FindingEntity> Findings => Set<FindingEntity>();
    public DbSet<UploadEntity> Uploads => Set<UploadEntity>();
    public DbSet<global::BudgetGrpc.Data.Deliveries.DeliveryEntity> Deliveries => Set<global::BudgetGrpc.Data.Deliveries.DeliveryEntity>();
    public DbSet<global::BudgetGrpc.Data.Deliveries.DeliveryAttemptEntity> DeliveryAttempts => Set<global::BudgetGrpc.Data.Deliveries.DeliveryAttemptEntity>();

    public abstract DatabaseProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BudgetDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Money and targets: exact decimals with the same precision on every provider.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 4);
        configurationBuilder.Properties<decimal?>().HavePrecision(18, 4);
    }
}

public sealed class SqliteBudgetDbContext(DbContextOptions<SqliteBudgetDbContext> options) : BudgetDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlBudgetDbContext(DbContextOptions<PostgreSqlBudgetDbContext> options) : BudgetDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class SqlServerBudgetDbContext(DbContextOptions<SqlServerBudgetDbContext> options) : BudgetDbContext(options)
{
    public override DatabaseProvider Provider => DatabaseProvider.SqlServer;
}
