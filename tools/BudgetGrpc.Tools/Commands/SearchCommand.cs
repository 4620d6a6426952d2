using System.CommandLine;
using System.Globalization;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Tools.Output;
using BudgetGrpc.Tools.Remote;

namespace BudgetGrpc.Tools.Commands;

/// <summary>
/// `budget search …`: indicators across departments and years, e.g.
/// `budget search --level2 服务对象满意度指标 --unit % --max 90 --max-exclusive --year 2024`.
/// </summary>
internal static class SearchCommand
{
    private static readonly Dictionary<string, Comparator> Comparators = new(StringComparer.OrdinalIgnoreCase)
    {
        ["="] = Comparator.Equal, ["eq"] = Comparator.Equal,
        [">="] = Comparator.GreaterOrEqual, ["≥"] = Comparator.GreaterOrEqual, ["ge"] = Comparator.GreaterOrEqual,
        ["<="] = Comparator.LessOrEqual, ["≤"] = Comparator.LessOrEqual, ["le"] = Comparator.LessOrEqual,
        [">"] = Comparator.Greater, ["gt"] = Comparator.Greater,
        ["<"] = Comparator.Less, ["lt"] = Comparator.Less,
        ["qualitative"] = Comparator.Qualitative, ["定性"] = Comparator.Qualitative,
    };

    public static Command Create(CliConsole console)
    {
        var level1 = new Option<string?>("--level1") { Description = "Canonical first level, e.g. 满意度指标" };
        var level2 = new Option<string?>("--level2") { Description = "Canonical second level, e.g. 服务对象满意度指标" };
        var comparator = new Option<string?>("--comparator") { Description = "= >= <= > < qualitative (or eq ge le gt lt)" };
        comparator.AcceptOnlyFromAmong([.. Comparators.Keys]);
        comparator.HelpName = "op";
        var unit = new Option<string?>("--unit") { Description = "Normalised unit, e.g. %" };
        var min = new Option<string?>("--min") { Description = "Lower bound of the target value (decimal); with --unit, --level1 or --department" };
        var max = new Option<string?>("--max") { Description = "Upper bound of the target value (decimal); with --unit, --level1 or --department" };
        var minExclusive = new Option<bool>("--min-exclusive") { Description = "Exclude the --min value itself" };
        var maxExclusive = new Option<bool>("--max-exclusive") { Description = "Exclude the --max value itself" };
        var text = new Option<string?>("--text", "-t") { Description = "Substring of the indicator name or source text" };
        var year = new Option<int>("--year", "-y") { Description = "Fiscal year" };
        var department = new Option<string?>("--department", "-d") { Description = "Exact department name" };
        var hasFindings = new Option<bool>("--has-findings") { Description = "Only indicators a finding points at" };
        var allRevisions = new Option<bool>("--all-revisions") { Description = "Also search superseded revisions" };
        var missed = new Option<bool>("--missed") { Description = "Self-evaluations: only targets the actual misses" };
        var scoreDiffers = new Option<bool>("--score-differs") { Description = "Self-evaluations: only stated scores the scoring rules do not give" };
        var paging = new PagingOptions();
        var format = OutputFormat.Create();
        var command = new Command("search", "Search indicators across departments and years")
        {
            level1, level2, comparator, unit, min, max, minExclusive, maxExclusive, text, year, department, hasFindings, allRevisions, missed, scoreDiffers, format,
        };
        paging.AddTo(command);
        return command.WithRemoteAction(console, new RemoteOptions(), async (parse, connection, ct) =>
        {
            var request = new SearchIndicatorsRequest
            {
                Level1 = parse.GetValue(level1) ?? "",
                Level2 = parse.GetValue(level2) ?? "",
                Comparator = parse.GetValue(comparator) is { } c ? Comparators[c] : Comparator.Unspecified,
                Unit = parse.GetValue(unit) ?? "",
                MinValue = DecimalText("--min", parse.GetValue(min)),
                MinExclusive = parse.GetValue(minExclusive),
                MaxValue = DecimalText("--max", parse.GetValue(max)),
                MaxExclusive = parse.GetValue(maxExclusive),
                Text = parse.GetValue(text) ?? "",
                FiscalYear = parse.GetValue(year),
                Department = parse.GetValue(department) ?? "",
                HasFindings = parse.GetValue(hasFindings),
                AllRevisions = parse.GetValue(allRevisions),
                MissedTargets = parse.GetValue(missed),
                ScoreDiffers = parse.GetValue(scoreDiffers),
                PageSize = paging.PageSize(parse),
            };
            var hits = new List<IndicatorHit>();
            var next = await Paging.CollectAsync(async token =>
            {
                request.PageToken = token;
                var page = await connection.Disclosures.SearchIndicatorsAsync(request, cancellationToken: ct);
                return new Paging.Page<IndicatorHit>(page.Hits, page.NextPageToken);
            }, paging.PageToken(parse), paging.All(parse), hits, ct);

            if (parse.IsJson(format)) ProtoJson.Write(console, new SearchIndicatorsResponse { Hits = { hits }, NextPageToken = next });
            else IndicatorViews.WriteHits(console, hits);
            Paging.WriteMoreHint(console, next);
            return ExitCodes.Ok;
        });
    }

    /// <summary>A bound kept as the decimal string the API wants, checked here so a typo is a usage error (exit 2), not a round trip.</summary>
    private static string DecimalText(string option, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        if (!decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
            throw new CliInputException($"{option} '{value}' is not a decimal number");
        return value.Trim();
    }
}
