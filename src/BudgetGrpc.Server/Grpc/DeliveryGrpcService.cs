using System.Globalization;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Data;
using BudgetGrpc.Data.Deliveries;
using BudgetGrpc.Engine.Publishing;
using BudgetGrpc.Server.Auth;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Ledger = BudgetGrpc.Data.Deliveries;

namespace BudgetGrpc.Server.Grpc;

/// <summary>
/// budget.v1 DeliveryService over the <see cref="DeliveryLedger"/>. Workers lease and report with an operator key
/// (delivering is an operator's act: it publishes); readers may look.
/// </summary>
[Authorize(Policy = Policies.Reader)]
public sealed class DeliveryGrpcService(DeliveryLedger ledger, DisclosureStore store, IOptions<DeliveryLedgerOptions> targets) : DeliveryService.DeliveryServiceBase
{
    private const string Prefix = "deliveries/";

    [Authorize(Policy = Policies.Operator)]
    public override async Task<ClaimDeliveriesResponse> ClaimDeliveries(ClaimDeliveriesRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.WorkerId))
            throw RpcErrors.InvalidArgument("worker_id", "WORKER_ID_REQUIRED", "worker_id is required: it names the lease holder");
        if (request.LeaseDuration is null)
            throw RpcErrors.InvalidArgument("lease_duration", "LEASE_DURATION_REQUIRED", "lease_duration is required");
        var claimed = await ledger.ClaimAsync(request.WorkerId, request.MaxCount, Span(request.LeaseDuration, "lease_duration")!.Value,
            request.Targets, context.CancellationToken);

        var response = new ClaimDeliveriesResponse();
        // Several targets of one revision are rendered from one load.
        var loaded = new Dictionary<long, Engine.Model.Disclosure>();
        foreach (var d in claimed)
        {
            if (!loaded.TryGetValue(d.RevisionId, out var disclosure))
            {
                var revision = await store.GetRevisionByIdAsync(d.RevisionId, full: true, context.CancellationToken)
                    ?? throw RpcErrors.NotFound("revision", ResourceNames.Revision(d.DisclosureId, d.RevisionNumber));
                loaded[d.RevisionId] = disclosure = store.ToDisclosure(revision);
            }
            var meta = new PublicationMeta(d.DisclosureId, d.RevisionNumber);
            var csv = d.Format == Ledger.DeliveryFormat.Csv;
            response.Deliveries.Add(new LeasedDelivery
            {
                Delivery = ToProto(d),
                LeaseToken = d.LeaseToken ?? "",
                AttemptNumber = d.Attempts,
                Content = UnsafeByteOperations.UnsafeWrap(csv ? FlatCsv.ToUtf8Bytes(disclosure, meta) : PublicationJson.ToUtf8Bytes(disclosure, meta)),
                ContentType = csv ? FlatCsv.ContentType : PublicationJson.ContentType,
                FileName = $"{d.DisclosureId}-r{d.RevisionNumber}.{(csv ? "csv" : "json")}",
            });
        }
        return response;
    }

    [Authorize(Policy = Policies.Operator)]
    public override async Task<Contracts.V1.Delivery> CompleteDelivery(CompleteDeliveryRequest request, ServerCallContext context)
    {
        var id = ParseName(request.Name, "name");
        var outcome = request.Outcome switch
        {
            Contracts.V1.DeliveryOutcome.Delivered => Ledger.DeliveryOutcome.Delivered,
            Contracts.V1.DeliveryOutcome.FailedRetryable => Ledger.DeliveryOutcome.FailedRetryable,
            Contracts.V1.DeliveryOutcome.FailedPermanent => Ledger.DeliveryOutcome.FailedPermanent,
            _ => throw RpcErrors.InvalidArgument("outcome", "OUTCOME_REQUIRED", "outcome must be DELIVERED, FAILED_RETRYABLE or FAILED_PERMANENT"),
        };
        var report = new DeliveryReport(
            outcome,
            context.GetHttpContext().User.KeyName(),
            request.StatusCode == 0 ? null : request.StatusCode,
            string.IsNullOrEmpty(request.Error) ? null : request.Error,
            Span(request.RetryAfter, "retry_after"),
            Span(request.Duration, "duration") ?? TimeSpan.Zero);
        try
        {
            return ToProto(await ledger.CompleteAsync(id, request.LeaseToken, report, context.CancellationToken));
        }
        catch (DeliveryLeaseLostException ex)
        {
            throw RpcErrors.FailedPrecondition("LEASE_LOST", ex.Message, new Dictionary<string, string> { ["delivery"] = request.Name });
        }
        catch (KeyNotFoundException)
        {
            throw RpcErrors.NotFound("delivery", request.Name);
        }
    }

    public override async Task<Contracts.V1.Delivery> GetDelivery(GetDeliveryRequest request, ServerCallContext context)
    {
        var delivery = await ledger.GetAsync(ParseName(request.Name, "name"), withAttempts: true, context.CancellationToken)
            ?? throw RpcErrors.NotFound("delivery", request.Name);
        var proto = ToProto(delivery);
        proto.Attempts.Add(delivery.AttemptLog.Select(a => new Contracts.V1.DeliveryAttempt
        {
            Number = a.Number,
            WorkerId = a.WorkerId,
            Outcome = ToProto(a.Outcome),
            StatusCode = a.StatusCode ?? 0,
            Error = a.Error ?? "",
            ReportTime = Timestamp.FromDateTimeOffset(a.ReportedAt),
            Duration = Duration.FromTimeSpan(TimeSpan.FromMilliseconds(a.DurationMs)),
        }));
        return proto;
    }

    public override async Task<ListDeliveriesResponse> ListDeliveries(ListDeliveriesRequest request, ServerCallContext context)
    {
        var query = new DeliveryQuery(FromProto(request.State), string.IsNullOrEmpty(request.Target) ? null : request.Target);
        var page = await ledger.ListAsync(query, RpcErrors.CheckedPageSize(request.PageSize), request.PageToken, context.CancellationToken);
        var response = new ListDeliveriesResponse { NextPageToken = page.NextPageToken };
        response.Deliveries.Add(page.Items.Select(ToProto));
        return response;
    }

    [Authorize(Policy = Policies.Operator)]
    public override async Task<RetryDeliveriesResponse> RetryDeliveries(RetryDeliveriesRequest request, ServerCallContext context)
    {
        var ids = request.Names.Select(n => ParseName(n, "names")).ToList();
        // A retry that matches nothing says why, instead of answering "0 retried" as if it had worked.
        foreach (var id in ids)
        {
            var delivery = await ledger.GetAsync(id, withAttempts: false, context.CancellationToken)
                ?? throw RpcErrors.NotFound("delivery", Name(id));
            if (delivery.State is not (Ledger.DeliveryState.Failed or Ledger.DeliveryState.Pending))
                throw RpcErrors.FailedPrecondition(Contracts.ErrorReasons.NotRetryable,
                    $"{Name(id)} is {delivery.State.ToString().ToLowerInvariant()}; only failed or pending deliveries can be retried",
                    new Dictionary<string, string> { ["delivery"] = Name(id), ["state"] = delivery.State.ToString() });
        }
        // A target is known when it is configured, or when the ledger still holds deliveries of it.
        if (request.Target.Length > 0 && !targets.Value.Targets.Any(t => t.Name == request.Target)
            && (await ledger.ListAsync(new DeliveryQuery(null, request.Target), 1, null, context.CancellationToken)).Items.Count == 0)
            throw RpcErrors.NotFound("target", request.Target);
        var count = await ledger.RetryAsync(ids, string.IsNullOrEmpty(request.Target) ? null : request.Target, context.CancellationToken);
        return new RetryDeliveriesResponse { RetriedCount = count };
    }

    public static string Name(long id) => Prefix + id.ToString(CultureInfo.InvariantCulture);

    private static long ParseName(string name, string field) =>
        name.StartsWith(Prefix, StringComparison.Ordinal)
        && long.TryParse(name.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0
            ? id
            : throw RpcErrors.InvalidArgument(field, "MALFORMED_RESOURCE_NAME",
                string.IsNullOrEmpty(name) ? $"{field} is required (deliveries/{{delivery}})" : $"{field} '{name}' is not of the form deliveries/{{delivery}}");

    private static Contracts.V1.Delivery ToProto(DeliveryEntity d) => new()
    {
        Name = Name(d.Id),
        Revision = ResourceNames.Revision(d.DisclosureId, d.RevisionNumber),
        Target = d.Target,
        Format = d.Format == Ledger.DeliveryFormat.Csv ? Contracts.V1.DeliveryFormat.Csv : Contracts.V1.DeliveryFormat.Json,
        State = d.State switch
        {
            Ledger.DeliveryState.Pending => Contracts.V1.DeliveryState.Pending,
            Ledger.DeliveryState.InFlight => Contracts.V1.DeliveryState.InFlight,
            Ledger.DeliveryState.Delivered => Contracts.V1.DeliveryState.Delivered,
            Ledger.DeliveryState.Failed => Contracts.V1.DeliveryState.Failed,
            _ => Contracts.V1.DeliveryState.Superseded,
        },
        IdempotencyKey = d.IdempotencyKey,
        AttemptCount = d.Attempts,
        NextAttemptTime = Timestamp.FromDateTimeOffset(d.NextAttemptAt),
        LeaseOwner = d.LeaseOwner ?? "",
        LeaseExpireTime = d.LeaseExpiresAt is { } lease ? Timestamp.FromDateTimeOffset(lease) : null,
        LastStatusCode = d.LastStatusCode ?? 0,
        LastError = d.LastError ?? "",
        CreateTime = Timestamp.FromDateTimeOffset(d.CreatedAt),
        UpdateTime = Timestamp.FromDateTimeOffset(d.UpdatedAt),
        DeliverTime = d.DeliveredAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
    };

    private static Contracts.V1.DeliveryOutcome ToProto(Ledger.DeliveryOutcome o) => o switch
    {
        Ledger.DeliveryOutcome.Delivered => Contracts.V1.DeliveryOutcome.Delivered,
        Ledger.DeliveryOutcome.FailedRetryable => Contracts.V1.DeliveryOutcome.FailedRetryable,
        _ => Contracts.V1.DeliveryOutcome.FailedPermanent,
    };

    private static Ledger.DeliveryState? FromProto(Contracts.V1.DeliveryState s) => s switch
    {
        Contracts.V1.DeliveryState.Pending => Ledger.DeliveryState.Pending,
        Contracts.V1.DeliveryState.InFlight => Ledger.DeliveryState.InFlight,
        Contracts.V1.DeliveryState.Delivered => Ledger.DeliveryState.Delivered,
        Contracts.V1.DeliveryState.Failed => Ledger.DeliveryState.Failed,
        Contracts.V1.DeliveryState.Superseded => Ledger.DeliveryState.Superseded,
        _ => null,
    };

    /// <summary>A protobuf Duration as a TimeSpan; a malformed one (nanos out of range, mixed signs) is bad input.</summary>
    private static TimeSpan? Span(Google.Protobuf.WellKnownTypes.Duration? duration, string field)
    {
        if (duration is null) return null;
        if (duration.Seconds is < 0 or > Google.Protobuf.WellKnownTypes.Duration.MaxSeconds || duration.Nanos is < 0 or >= 1_000_000_000)
            throw RpcErrors.InvalidArgument(field, "INVALID_DURATION", $"{field} must be a normalized, non-negative duration");
        return duration.ToTimeSpan();
    }
}
