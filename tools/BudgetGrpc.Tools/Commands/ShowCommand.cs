using System.CommandLine;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Tools.Output;
using BudgetGrpc.Tools.Remote;

namespace BudgetGrpc.Tools.Commands;

/// <summary>
/// `budget show NAME`: a disclosure (disclosures/x) with its revisions, or a revision (disclosures/x/revisions/n,
/// n may be `latest`) with its projects, indicators and findings.
/// </summary>
internal static class ShowCommand
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "disclosures/{id} or disclosures/{id}/revisions/{n|latest}" };
        var format = OutputFormat.Create();
        var command = new Command("show", "Show a disclosure and its revisions, or one revision in full") { name, format };
        return command.WithRemoteAction(console, new RemoteOptions(), async (parse, connection, ct) =>
        {
            var resource = parse.GetValue(name)!.Trim().Trim('/');
            // The server validates names precisely; this only decides which RPC to ask.
            return resource.Contains("/revisions/", StringComparison.Ordinal)
                ? await ShowRevisionAsync(console, connection, resource, parse.IsJson(format), ct)
                : await ShowDisclosureAsync(console, connection, resource, parse.IsJson(format), ct);
        });
    }

    private static async Task<int> ShowRevisionAsync(CliConsole console, BudgetConnection connection, string name, bool json, CancellationToken ct)
    {
        var revision = await connection.Disclosures.GetRevisionAsync(new GetRevisionRequest { Name = name, View = RevisionView.Full }, cancellationToken: ct);
        if (json) ProtoJson.Write(console, revision);
        else DisclosureViews.WriteRevision(console, revision);
        return ExitCodes.Ok;
    }

    private static async Task<int> ShowDisclosureAsync(CliConsole console, BudgetConnection connection, string name, bool json, CancellationToken ct)
    {
        var disclosure = await connection.Disclosures.GetDisclosureAsync(new GetDisclosureRequest { Name = name }, cancellationToken: ct);
        var revisions = new List<Revision>();
        var request = new ListRevisionsRequest { Parent = name };
        await Paging.CollectAsync(async token =>
        {
            request.PageToken = token;
            var page = await connection.Disclosures.ListRevisionsAsync(request, cancellationToken: ct);
            return new Paging.Page<Revision>(page.Revisions, page.NextPageToken);
        }, "", all: true, revisions, ct);

        if (json) ProtoJson.WriteObject(console, ("disclosure", ProtoJson.Node(disclosure)), ("revisions", ProtoJson.Array(revisions)));
        else DisclosureViews.WriteDisclosure(console, disclosure, revisions);
        return ExitCodes.Ok;
    }
}
