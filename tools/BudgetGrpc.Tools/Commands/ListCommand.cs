using System.CommandLine;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Tools.Output;
using BudgetGrpc.Tools.Remote;

namespace BudgetGrpc.Tools.Commands;

/// <summary>`budget list [--department D] [--year Y] [--status S] [--text T] [--page-size N] [--all]`: disclosures on the server.</summary>
internal static class ListCommand
{
    public static Command Create(CliConsole console)
    {
        var department = new Option<string?>("--department", "-d") { Description = "Exact department name" };
        var year = new Option<int>("--year", "-y") { Description = "Fiscal year" };
        var status = new Option<string?>("--status") { Description = "Status of the latest revision: publishable or blocked" };
        status.AcceptOnlyFromAmong("publishable", "blocked");
        var text = new Option<string?>("--text", "-t") { Description = "Substring of the title or department" };
        var paging = new PagingOptions();
        var format = OutputFormat.Create();
        var command = new Command("list", "List disclosures on the server") { department, year, status, text, format };
        paging.AddTo(command);
        return command.WithRemoteAction(console, new RemoteOptions(), async (parse, connection, ct) =>
        {
            var request = new ListDisclosuresRequest
            {
                Department = parse.GetValue(department) ?? "",
                FiscalYear = parse.GetValue(year),
                Status = parse.GetValue(status) switch
                {
                    "publishable" => RevisionStatus.Publishable,
                    "blocked" => RevisionStatus.Blocked,
                    _ => RevisionStatus.Unspecified,
                },
                Text = parse.GetValue(text) ?? "",
                PageSize = paging.PageSize(parse),
            };
            var merged = new ListDisclosuresResponse();
            var items = new List<Disclosure>();
            merged.NextPageToken = await Paging.CollectAsync(async token =>
            {
                request.PageToken = token;
                var page = await connection.Disclosures.ListDisclosuresAsync(request, cancellationToken: ct);
                return new Paging.Page<Disclosure>(page.Disclosures, page.NextPageToken);
            }, paging.PageToken(parse), paging.All(parse), items, ct);
            merged.Disclosures.AddRange(items);

            if (parse.IsJson(format)) ProtoJson.Write(console, merged);
            else DisclosureViews.WriteList(console, items);
            Paging.WriteMoreHint(console, merged.NextPageToken);
            return ExitCodes.Ok;
        });
    }
}
