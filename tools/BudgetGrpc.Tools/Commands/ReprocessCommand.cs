using System.CommandLine;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Tools.Output;
using BudgetGrpc.Tools.Remote;

namespace BudgetGrpc.Tools.Commands;

/// <summary>
/// `budget reprocess (--revision NAME | --disclosure NAME | --department D | --year Y | --all)`: re-parse stored
/// sources with the server's current engine; --department and --year combine. Needs an operator key.
/// </summary>
internal static class ReprocessCommand
{
    public static Command Create(CliConsole console)
    {
        var revision = new Option<string?>("--revision") { Description = "disclosures/{id}/revisions/{n}: must be the latest revision" };
        var disclosure = new Option<string?>("--disclosure") { Description = "disclosures/{id}: its latest revision" };
        var department = new Option<string?>("--department", "-d") { Description = "Every disclosure of this department" };
        var year = new Option<int>("--year", "-y") { Description = "Every disclosure of this fiscal year" };
        var all = new Option<bool>("--all") { Description = "Every disclosure" };
        var format = OutputFormat.Create();
        var command = new Command("reprocess", "Re-parse stored sources with the server's current engine (operator)")
        {
            revision, disclosure, department, year, all, format,
        };
        return command.WithRemoteAction(console, new RemoteOptions(), async (parse, connection, ct) =>
        {
            var scopes = new[]
            {
                parse.GetValue(revision) is not null,
                parse.GetValue(disclosure) is not null,
                parse.GetValue(department) is not null || parse.GetValue(year) != 0,
                parse.GetValue(all),
            }.Count(given => given);
            if (scopes != 1) throw new CliInputException("give exactly one of --revision, --disclosure, --department and/or --year, --all");
            var request = new ReprocessRevisionsRequest
            {
                Revision = parse.GetValue(revision) ?? "",
                Disclosure = parse.GetValue(disclosure) ?? "",
                Department = parse.GetValue(department) ?? "",
                FiscalYear = parse.GetValue(year),
                All = parse.GetValue(all),
            };
            var response = await connection.Disclosures.ReprocessRevisionsAsync(request, cancellationToken: ct);
            if (parse.IsJson(format)) ProtoJson.Write(console, response);
            else OperationViews.WriteReprocess(console, response);
            return ExitCodes.Ok;
        });
    }
}
