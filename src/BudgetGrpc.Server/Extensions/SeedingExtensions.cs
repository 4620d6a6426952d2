using BudgetGrpc.Data;
using BudgetGrpc.Server.Seeding;

namespace BudgetGrpc.Server.Extensions;

public static class SeedingExtensions
{
    public static IHostApplicationBuilder AddBudgetSeeding(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        builder.Services.AddSingleton<SampleSeeder>();
        return builder;
    }

    /// <summary>Migrates the database and imports the seed folder; runs before the server accepts calls.</summary>
    public static async Task InitializeBudgetAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        await app.Services.MigrateBudgetDatabaseAsync(cancellationToken);
        await app.Services.GetRequiredService<SampleSeeder>().SeedAsync(cancellationToken);
    }
}
