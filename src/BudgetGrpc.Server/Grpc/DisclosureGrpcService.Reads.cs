using BudgetGrpc.Contracts.V1;
using Grpc.Core;
using Store = BudgetGrpc.Data;

namespace BudgetGrpc.Server.Grpc;

public sealed partial class DisclosureGrpcService
{
    public override async Task<Disclosure> GetDisclosure(GetDisclosureRequest request, ServerCallContext context)
    {
        var id = ResourceNames.ParseDisclosure(request.Name, "name");
        var disclosure = await store.GetDisclosureAsync(id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("disclosure", request.Name);
        return ProtoMapper.ToProto(disclosure);
    }

    public override async Task<ListDisclosuresResponse> ListDisclosures(ListDisclosuresRequest request, ServerCallContext context)
    {
        if (request.FiscalYear < 0)
            throw RpcErrors.InvalidArgument("fiscal_year", "INVALID_FISCAL_YEAR", "fiscal_year must be a year, or 0 for all");
        var query = new Store.DisclosureQuery(
            NullIfBlank(request.Department),
            request.FiscalYear > 0 ? request.FiscalYear : null,
            ProtoMapper.ToData(request.Status),
            NullIfBlank(request.Text));
        var page = await store.ListDisclosuresAsync(query, RpcErrors.CheckedPageSize(request.PageSize), request.PageToken, context.CancellationToken);
        var response = new ListDisclosuresResponse { NextPageToken = page.NextPageToken };
        response.Disclosures.Add(page.Items.Select(ProtoMapper.ToProto));
        return response;
    }

    public override async Task<Revision> GetRevision(GetRevisionRequest request, ServerCallContext context)
    {
        var (id, number) = ResourceNames.ParseRevision(request.Name, "name");
        var full = request.View == RevisionView.Full;
        if (number is null)
        {
            var disclosure = await store.GetDisclosureAsync(id, context.CancellationToken)
                ?? throw RpcErrors.NotFound("revision", request.Name);
            number = disclosure.LatestRevision;
        }
        if (revisions.Find(id, number.Value, full) is { } cached) return cached;

        var revision = await store.GetRevisionAsync(id, number.Value, full, context.CancellationToken)
            ?? throw RpcErrors.NotFound("revision", request.Name);
        var proto = ProtoMapper.ToProto(revision, null, full);
        revisions.Add(id, number.Value, full, proto);
        return proto;
    }

    public override async Task<ListRevisionsResponse> ListRevisions(ListRevisionsRequest request, ServerCallContext context)
    {
        var id = ResourceNames.ParseDisclosure(request.Parent, "parent");
        var disclosure = await store.GetDisclosureAsync(id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("disclosure", request.Parent);
        var page = await store.ListRevisionsAsync(id, RpcErrors.CheckedPageSize(request.PageSize), request.PageToken, context.CancellationToken);
        var response = new ListRevisionsResponse { NextPageToken = page.NextPageToken };
        response.Revisions.Add(page.Items.Select(r => ProtoMapper.ToProto(r, disclosure, full: false)));
        return response;
    }

    public override async Task<SearchIndicatorsResponse> SearchIndicators(SearchIndicatorsRequest request, ServerCallContext context)
    {
        if (request.FiscalYear < 0)
            throw RpcErrors.InvalidArgument("fiscal_year", "INVALID_FISCAL_YEAR", "fiscal_year must be a year, or 0 for all");
        var min = ParseDecimal(request.MinValue, "min_value");
        var max = ParseDecimal(request.MaxValue, "max_value");
        if (min is not null && max is not null && min > max)
            throw RpcErrors.InvalidArgument("min_value", "EMPTY_VALUE_RANGE", $"min_value {min} is above max_value {max}");
        // Numbers compare within a unit (95 % is not 95 万元), and only such ranges have an index behind them: across
        // every department, a bare range would sort every numeric indicator in the database.
        if ((min is not null || max is not null)
            && string.IsNullOrWhiteSpace(request.Unit) && string.IsNullOrWhiteSpace(request.Level1) && string.IsNullOrWhiteSpace(request.Department))
            throw RpcErrors.InvalidArgument(min is not null ? "min_value" : "max_value", "VALUE_RANGE_NEEDS_SCOPE",
                "a value range needs a unit (e.g. %), a first level (e.g. 满意度指标) or a department to compare within");
        var query = new Store.IndicatorQuery(
            Department: NullIfBlank(request.Department),
            FiscalYear: request.FiscalYear > 0 ? request.FiscalYear : null,
            Level1: NullIfBlank(request.Level1),
            Level2: NullIfBlank(request.Level2),
            Comparator: ProtoMapper.ToEngine(request.Comparator),
            Unit: NullIfBlank(request.Unit),
            MinValue: min,
            MinExclusive: request.MinExclusive,
            MaxValue: max,
            MaxExclusive: request.MaxExclusive,
            Text: NullIfBlank(request.Text),
            HasFindings: request.HasFindings ? true : null,
            LatestOnly: !request.AllRevisions,
            MissedTargets: request.MissedTargets,
            ScoreDiffers: request.ScoreDiffers);
        var page = await store.SearchIndicatorsAsync(query, RpcErrors.CheckedPageSize(request.PageSize), request.PageToken, context.CancellationToken);
        var response = new SearchIndicatorsResponse { NextPageToken = page.NextPageToken };
        response.Hits.Add(page.Items.Select(ProtoMapper.ToProto));
        return response;
    }

    /// <summary>Decimal strings in invariant form (<c>90</c>, <c>0.5</c>); empty means no bound.</summary>
    private static decimal? ParseDecimal(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return decimal.TryParse(value.Trim(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var d)
            ? d
            : throw RpcErrors.InvalidArgument(field, "INVALID_DECIMAL", $"{field} '{value}' is not a decimal number such as 90 or 0.5");
    }
}
