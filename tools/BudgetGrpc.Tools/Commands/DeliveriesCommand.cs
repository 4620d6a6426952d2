using System.CommandLine;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Tools.Output;
using BudgetGrpc.Tools.Remote;
using Spectre.Console;
using static BudgetGrpc.Tools.Output.RemoteText;

namespace BudgetGrpc.Tools.Commands;

/// <summary>
/// `budget deliveries list [--state pending|in-flight|delivered|failed|superseded] [--target T]` (reader) and
/// `budget deliveries retry ID…|--target T` (operator): the delivery ledger. IDs are `deliveries/{n}` or just `n`.
/// </summary>
internal static class DeliveriesCommand
{
    private static readonly Dictionary<string, DeliveryState> States = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pending"] = DeliveryState.Pending,
        ["in-flight"] = DeliveryState.InFlight,
        ["delivered"] = DeliveryState.Delivered,
        ["failed"] = DeliveryState.Failed,
        ["superseded"] = DeliveryState.Superseded,
    };

    public static Command Create(CliConsole console) => new("deliveries", "The delivery ledger: exports pushed to downstream targets")
    {
        List(console),
        Retry(console),
    };

    private static Command List(CliConsole console)
    {
        var state = new Option<string?>("--state") { Description = "pending, in-flight, delivered, failed (parked) or superseded" };
        state.AcceptOnlyFromAmong([.. States.Keys]);
        var target = new Option<string?>("--target") { Description = "Only this target" };
        var paging = new PagingOptions();
        var format = OutputFormat.Create();
        var command = new Command("list", "List deliveries with their state, attempts and last error") { state, target, format };
        paging.AddTo(command);
        return command.WithRemoteAction(console, new RemoteOptions(), async (parse, connection, ct) =>
        {
            var request = new ListDeliveriesRequest
            {
                State = parse.GetValue(state) is { } s ? States[s] : DeliveryState.Unspecified,
                Target = parse.GetValue(target) ?? "",
                PageSize = paging.PageSize(parse),
            };
            var client = connection.Deliveries;
            var deliveries = new List<Delivery>();
            var next = await Paging.CollectAsync(async token =>
            {
                request.PageToken = token;
                var page = await client.ListDeliveriesAsync(request, cancellationToken: ct);
                return new Paging.Page<Delivery>(page.Deliveries, page.NextPageToken);
            }, paging.PageToken(parse), paging.All(parse), deliveries, ct);

            if (parse.IsJson(format)) ProtoJson.Write(console, new ListDeliveriesResponse { Deliveries = { deliveries }, NextPageToken = next });
            else Write(console, deliveries);
            Paging.WriteMoreHint(console, next);
            return ExitCodes.Ok;
        });
    }

    private static Command Retry(CliConsole console)
    {
        var ids = new Argument<string[]>("id") { Description = "deliveries/{n} or n", Arity = ArgumentArity.ZeroOrMore };
        var target = new Option<string?>("--target") { Description = "Every failed or waiting delivery of this target" };
        var command = new Command("retry", "Make failed (parked) deliveries due now, with a fresh attempt budget (operator)") { ids, target };
        return command.WithRemoteAction(console, new RemoteOptions(), async (parse, connection, ct) =>
        {
            var names = (parse.GetValue(ids) ?? []).Select(id => id.StartsWith("deliveries/", StringComparison.Ordinal) ? id : "deliveries/" + id).ToList();
            var targetName = parse.GetValue(target) ?? "";
            if (names.Count == 0 && targetName.Length == 0) throw new CliInputException("name one or more deliveries, or --target T");
            var response = await connection.Deliveries.RetryDeliveriesAsync(new RetryDeliveriesRequest { Names = { names }, Target = targetName }, cancellationToken: ct);
            if (response.RetriedCount == 0)
            {
                // The server refuses unknown and delivered names itself; this is a known target with nothing waiting.
                console.Error.WriteLine($"nothing to retry: no failed or pending delivery{(targetName.Length > 0 ? $" of target {targetName}" : "")}");
                return ExitCodes.Findings;
            }
            console.Out.WriteLine($"{response.RetriedCount} deliveries due again");
            return ExitCodes.Ok;
        });
    }

    private static void Write(CliConsole console, IReadOnlyCollection<Delivery> deliveries)
    {
        if (deliveries.Count == 0)
        {
            console.Out.WriteLine("no deliveries");
            return;
        }
        var table = NewTable(null, "name", "revision", "target", "state", "attempts", "next attempt", "last status", "last error");
        foreach (var d in deliveries)
        {
            table.AddRow(Cells(d.Name, d.Revision, d.Target, Name(d.State), d.AttemptCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                d.State == DeliveryState.Pending ? Time(d.NextAttemptTime) : "",
                d.LastStatusCode == 0 ? "" : d.LastStatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), d.LastError));
        }
        console.Ansi.Write(table);
        var byState = deliveries.GroupBy(d => Name(d.State)).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        console.Out.WriteLine($"{deliveries.Count} deliveries: {string.Join(", ", byState)}");
    }
}
