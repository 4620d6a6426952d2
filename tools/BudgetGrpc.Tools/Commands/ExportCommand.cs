using System.CommandLine;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Tools.Remote;

namespace BudgetGrpc.Tools.Commands;

/// <summary>
/// `budget export REVISION --format json|csv [--out FILE [--overwrite]] [--force]`: the server's publication JSON v1 or
/// CSV, written byte for byte as received; an existing FILE is only replaced with --overwrite. --force asks the server
/// to export a revision with error findings (operator).
/// </summary>
internal static class ExportCommand
{
    public static Command Create(CliConsole console)
    {
        var revision = new Argument<string>("revision") { Description = "disclosures/{id}/revisions/{n|latest}" };
        var format = new Option<string>("--format", "-f") { Description = "json (publication JSON v1) or csv", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var output = new Option<FileInfo?>("--out", "-o") { Description = "Write to this file instead of standard output" };
        var overwrite = new Option<bool>("--overwrite") { Description = "Replace the --out file when it exists" };
        var force = new Option<bool>("--force") { Description = "Export even with error findings (needs an operator key)" };
        var command = new Command("export", "Export a revision as publication JSON v1 or CSV") { revision, format, output, overwrite, force };
        return command.WithRemoteAction(console, new RemoteOptions(), async (parse, connection, ct) =>
        {
            if (parse.GetValue(output) is { } target) ExportFile.CheckWritable(target, parse.GetValue(overwrite));
            var request = new ExportRevisionRequest
            {
                Name = parse.GetValue(revision)!,
                Format = parse.GetValue(format) == "csv" ? ExportFormat.Csv : ExportFormat.Json,
                Force = parse.GetValue(force),
            };
            var response = await connection.Disclosures.ExportRevisionAsync(request, cancellationToken: ct);
            var bytes = response.Content.Memory;
            if (parse.GetValue(output) is { } file)
            {
                await ExportFile.WriteAsync(file, bytes, parse.GetValue(overwrite), ct);
                console.Error.WriteLine($"{file.FullName}: {bytes.Length} bytes ({response.ContentType})");
            }
            else await ExportFile.WriteToStandardOutputAsync(console, bytes, ct);
            return ExitCodes.Ok;
        });
    }
}
