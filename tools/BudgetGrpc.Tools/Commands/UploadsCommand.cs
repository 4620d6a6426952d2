using System.CommandLine;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Tools.Output;
using BudgetGrpc.Tools.Remote;

namespace BudgetGrpc.Tools.Commands;

/// <summary>`budget uploads [--rejected]`: every uploaded file with its outcome; --rejected: the refused ones (unreadable or forbidden) with the reason. Needs an operator key.</summary>
internal static class UploadsCommand
{
    public static Command Create(CliConsole console)
    {
        var rejected = new Option<bool>("--rejected") { Description = "Only refused files: unreadable ones, and those the key may not import for their department" };
        var paging = new PagingOptions();
        var format = OutputFormat.Create();
        var command = new Command("uploads", "List uploaded files and their outcomes (operator)") { rejected, format };
        paging.AddTo(command);
        return command.WithRemoteAction(console, new RemoteOptions(), async (parse, connection, ct) =>
        {
            var request = new ListUploadsRequest
            {
                Refused = parse.GetValue(rejected),
                PageSize = paging.PageSize(parse),
            };
            var uploads = new List<Upload>();
            var next = await Paging.CollectAsync(async token =>
            {
                request.PageToken = token;
                var page = await connection.Disclosures.ListUploadsAsync(request, cancellationToken: ct);
                return new Paging.Page<Upload>(page.Uploads, page.NextPageToken);
            }, paging.PageToken(parse), paging.All(parse), uploads, ct);

            if (parse.IsJson(format)) ProtoJson.Write(console, new ListUploadsResponse { Uploads = { uploads }, NextPageToken = next });
            else OperationViews.WriteUploads(console, uploads);
            Paging.WriteMoreHint(console, next);
            return ExitCodes.Ok;
        });
    }
}
