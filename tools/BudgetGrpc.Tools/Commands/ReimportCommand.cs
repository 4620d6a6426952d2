using System.CommandLine;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Engine;
using BudgetGrpc.Tools.Output;
using BudgetGrpc.Tools.Remote;

namespace BudgetGrpc.Tools.Commands;

/// <summary>
/// `budget reimport --department D --year Y [--from-folder ARCHIVE]`. Without --from-folder the server re-parses the
/// raw sources it stored (ReprocessRevisions, operator key): the usual case after an engine upgrade. With it, the
/// files the worker archived under ARCHIVE/&lt;D&gt;/&lt;date&gt;/ are sent again, oldest first; the fiscal year is read
/// here with the same engine, so only that year's tables go. Files the server holds already answer UNCHANGED.
/// Exit codes as for import and reprocess; 1 when nothing matched the department and year.
/// </summary>
internal static class ReimportCommand
{
    public static Command Create(CliConsole console)
    {
        var department = new Option<string>("--department", "-d") { Description = "The department (as its archive folder is named)", Required = true };
        var year = new Option<int>("--year", "-y") { Description = "The fiscal year", Required = true };
        var fromFolder = new Option<DirectoryInfo?>("--from-folder") { Description = "The worker's archive root: re-send the archived files instead of reprocessing stored sources" };
        var format = OutputFormat.Create();
        var command = new Command("reimport", "Import one department's year again: from stored sources, or from the archive folder")
        {
            department, year, fromFolder, format,
        };
        return command.WithRemoteAction(console, new RemoteOptions(), async (parse, connection, ct) =>
        {
            var dept = parse.GetValue(department)!;
            var fiscalYear = parse.GetValue(year);
            if (parse.GetValue(fromFolder) is not { } archive)
            {
                var response = await connection.Disclosures.ReprocessRevisionsAsync(
                    new ReprocessRevisionsRequest { Department = dept, FiscalYear = fiscalYear }, cancellationToken: ct);
                if (parse.IsJson(format)) ProtoJson.Write(console, response);
                else OperationViews.WriteReprocess(console, response);
                if (response.Examined > 0) return ExitCodes.Ok;
                console.Error.WriteLine($"nothing to reimport: the server holds no revision of {dept} for {fiscalYear} (budget list --department {dept})");
                return ExitCodes.Findings;
            }

            var folder = Path.Combine(archive.FullName, dept);
            if (!Directory.Exists(folder)) throw new CliInputException($"no archive folder {folder}");
            var importer = new Importer(connection.Disclosures, dept, validateOnly: false);
            var engine = FileInput.Engine;
            var rows = new List<ImportRow>();
            // Date folders sort by name (yyyy-MM-dd): the order the files first arrived, so revisions keep their order.
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                         .Where(f => !f.EndsWith(".error.json", StringComparison.OrdinalIgnoreCase))
                         .Order(StringComparer.Ordinal))
            {
                var parsed = engine.ParseWithoutValidation(await File.ReadAllBytesAsync(file, ct), Path.GetFileName(file));
                if (parsed.Disclosure?.FiscalYear != fiscalYear) continue;
                rows.Add(await importer.ImportAsync(file, ct));
            }
            if (rows.Count == 0)
            {
                console.Error.WriteLine($"nothing to reimport: no archived file of {dept} states the fiscal year {fiscalYear}");
                return ExitCodes.Findings;
            }
            OperationViews.WriteImports(console, rows);
            return rows.Max(r => r.ExitCode);
        });
    }
}
