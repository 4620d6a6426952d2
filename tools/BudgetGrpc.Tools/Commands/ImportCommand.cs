using System.CommandLine;
using System.Text.Json.Nodes;
using BudgetGrpc.Tools.Output;
using BudgetGrpc.Tools.Remote;
using Grpc.Core;
using Spectre.Console;

namespace BudgetGrpc.Tools.Commands;

/// <summary>
/// `budget import FILE… [--department D] [--validate-only]`: sends files (folders and patterns expanded) to the server.
/// Exit 0 when every file imported, 1 when the server rejected one (or, with --validate-only, one has error findings),
/// 2 when a file could not be read here; the server being unreachable or the key refused ends the run.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore, Description = "Files, folders or patterns such as 'tables/*.xlsx'" };
        var department = new Option<string?>("--department", "-d") { Description = "Department for files that do not name theirs" };
        var validateOnly = new Option<bool>("--validate-only") { Description = "Parse and validate on the server, store nothing" };
        var format = OutputFormat.Create();
        var command = new Command("import", "Import disclosure files into the server") { files, department, validateOnly, format };
        return command.WithRemoteAction(console, new RemoteOptions(), async (parse, connection, ct) =>
        {
            var expanded = FileArguments.Expand(parse.GetValue(files)!);
            var importer = new Importer(connection.Disclosures, parse.GetValue(department), parse.GetValue(validateOnly));
            var json = parse.IsJson(format);
            var rows = expanded.Unmatched.Select(a => ImportRow.NotRead(a, "no such file, folder or match")).ToList();
            try
            {
                if (console.Interactive && !json && expanded.Files.Count > 1) await WithProgressAsync(console, expanded.Files, importer, rows, ct);
                else foreach (var file in expanded.Files) rows.Add(await importer.ImportAsync(file, ct));
            }
            catch (Exception ex) when (ex is RpcException or OperationCanceledException && rows.Count > 0)
            {
                // What was done before the run ended is still worth seeing; the frame reports the error itself.
                Write(console, rows, json);
                throw;
            }
            Write(console, rows, json);
            return rows.Max(r => r.ExitCode);
        });
    }

    private static Task WithProgressAsync(CliConsole console, IReadOnlyList<string> files, Importer importer, List<ImportRow> rows, CancellationToken ct) =>
        console.Ansi.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("importing", maxValue: files.Count);
                foreach (var file in files)
                {
                    task.Description = Markup.Escape(Path.GetFileName(file));
                    rows.Add(await importer.ImportAsync(file, ct));
                    task.Increment(1);
                }
                task.Description = "imported";
            });

    private static void Write(CliConsole console, List<ImportRow> rows, bool json)
    {
        if (!json)
        {
            OperationViews.WriteImports(console, rows);
            return;
        }
        var array = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
        {
            ["file"] = r.File,
            ["outcome"] = r.Outcome,
            ["revision"] = r.Revision,
            ["disclosure"] = r.Disclosure,
            ["findingCounts"] = r.Counts is null ? null : ProtoJson.Node(r.Counts),
            ["findings"] = ProtoJson.Array(r.Findings),
            ["reason"] = r.Reason,
            ["message"] = r.Message,
        }).ToArray());
        console.Out.WriteLine(array.ToJsonString(JsonOutput.Options));
    }
}
