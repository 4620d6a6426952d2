using BudgetGrpc.Engine;
using BudgetGrpc.Server.Import;
using BudgetGrpc.Server.Observability;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Server.Seeding;

/// <summary>
/// Imports the files of <see cref="SeedOptions.SamplesFolder"/> through the import, like any upload, so a restart
/// finds the same bytes and changes nothing. The samples hold each table in several formats (xlsx, csv, html, …):
/// only the first file (by name) of each department, year and kind is imported, so a fresh install shows one
/// revision per disclosure instead of several that do not differ.
/// </summary>
public sealed class SampleSeeder(IServiceScopeFactory scopes, DisclosureEngine engine, IOptions<SeedOptions> options, ILogger<SampleSeeder> logger)
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
        var seeded = new Dictionary<(string Department, int? FiscalYear, Engine.Model.DisclosureKind Kind), string>();
        foreach (var path in files)
        {
            var fileName = Path.GetFileName(path);
            var content = await File.ReadAllBytesAsync(path, cancellationToken);
            // A file that does not parse goes to the import all the same, which records why it was refused.
            if (engine.Parse(content, fileName).Disclosure is { } parsed)
            {
                var identity = (parsed.Department.Trim(), parsed.FiscalYear, parsed.Kind);
                if (seeded.TryGetValue(identity, out var first))
                {
                    Log.SeedSkipped(logger, fileName, first);
                    continue;
                }
                seeded[identity] = fileName;
            }
            await using var scope = scopes.CreateAsyncScope();
            var imports = scope.ServiceProvider.GetRequiredService<ImportService>();
            var result = await imports.ImportAsync(new ImportCommand(fileName, content), null, cancellationToken);
            Log.Seeded(logger, fileName, result is ImportResult.Refused refused ? $"{result.Outcome} {refused.Reason}" : result.Outcome);
        }
        Log.SeedDone(logger, files.Count, folder);
        return files.Count;
    }
}
