using System.CommandLine;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Tools.Output;
using BudgetGrpc.Tools.Remote;

namespace BudgetGrpc.Tools.Commands;

/// <summary>`budget diff FROM_REVISION TO_REVISION`: indicators and project amounts added, removed or changed.</summary>
internal static class DiffCommand
{
    public static Command Create(CliConsole console)
    {
        var from = new Argument<string>("from") { Description = "The older revision: disclosures/{id}/revisions/{n}" };
        var to = new Argument<string>("to") { Description = "The newer revision: disclosures/{id}/revisions/{n}" };
        var format = OutputFormat.Create();
        var command = new Command("diff", "Differences between two revisions") { from, to, format };
        return command.WithRemoteAction(console, new RemoteOptions(), async (parse, connection, ct) =>
        {
            var request = new DiffRevisionsRequest { BaseRevision = parse.GetValue(from)!, TargetRevision = parse.GetValue(to)! };
            var diff = await connection.Disclosures.DiffRevisionsAsync(request, cancellationToken: ct);
            if (parse.IsJson(format)) ProtoJson.Write(console, diff);
            else IndicatorViews.WriteDiff(console, diff);
            return ExitCodes.Ok;
        });
    }
}
