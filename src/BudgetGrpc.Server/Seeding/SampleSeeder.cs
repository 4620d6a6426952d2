using BudgetGrpc.Data;
using BudgetGrpc.Server.Observability;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Server.Seeding;

/// <summary>
/// Imports every file of <see cref="SeedOptions.SamplesFolder"/> through the store, like any upload,
/// so a restart finds the same bytes and changes nothing.
/// </summary>
public sealed class SampleSeeder(IServiceScopeFactory scopes, IOptions<SeedOptions> options, ILogger<SampleSeeder> logger)
{
    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        var folder = options.Value.SamplesFolder;
        if (string.IsNullOrWhiteSpace(folder)) return 0;
        if (!Directory.Exists(folder))
        {
            Log.SeedFolderMissing(logger, folder);
            return 0;
        }
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
        foreach (var path in files)
        {
            await using var scope = scopes.CreateAsyncScope();
            var store = scope.ServiceProvider.GetRequiredService<DisclosureStore>();
            var content = await File.ReadAllBytesAsync(path, cancellationToken);
            var outcome = await store.ImportAsync(new ImportCommand(Path.GetFileName(path), content), null, cancellationToken);
            Log.Seeded(logger, Path.GetFileName(path), outcome.Reason is null ? outcome.Status.ToString() : $"{outcome.Status} {outcome.Reason}");
        }
        Log.SeedDone(logger, files.Count, folder);
        return files.Count;
    }
}
