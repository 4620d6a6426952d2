using BudgetGrpc.Data.Entities;
using BudgetGrpc.Data.Tests.Infrastructure;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Data.Tests;

public abstract class QueryBehaviour(Func<Task<TestDatabase>> createDatabase) : StoreBehaviour(createDatabase)
{
    private static readonly string[] Departments = ["甲局", "乙局", "丙局"];

    /// <summary>Three departments × two years, each disclosure with one revision (six indicators each).</summary>
    private async Task<List<RevisionWrite>> SeedAsync()
    {
        var outcomes = new List<RevisionWrite>();
        foreach (var department in Departments)
        foreach (var year in new[] { 2024, 2025 })
        {
            var satisfaction = year == 2024 ? 88m : 95m;
            outcomes.Add(await WriteAsync(TestDisclosures.Make(department, year, satisfaction), $"{department}{year}"));
        }
        return outcomes;
    }

    [Fact]
    public async Task Disclosure_pages_round_trip_without_gaps_or_repeats()
    {
        var seeded = await SeedAsync();
        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await WithStoreAsync(s => s.ListDisclosuresAsync(new DisclosureQuery(), 4, token, CancellationToken.None));
            Assert.Equal(6, page.TotalSize);
            seen.AddRange(page.Items.Select(d => d.Id));
            token = page.NextPageToken;
            pages++;
        } while (token.Length > 0);

        Assert.Equal(2, pages);
        Assert.Equal(seeded.Select(o => o.Disclosure!.Id).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Equal(seen.Count, seen.Distinct().Count());
    }

    [Fact]
    public async Task Disclosures_filter_by_department_year_status_and_text()
    {
        await SeedAsync();
        async Task<int> Count(DisclosureQuery q) => (await WithStoreAsync(s => s.ListDisclosuresAsync(q, 100, null, CancellationToken.None))).Items.Count;

        Assert.Equal(2, await Count(new DisclosureQuery(Department: "乙局")));
        Assert.Equal(3, await Count(new DisclosureQuery(FiscalYear: 2025)));
        Assert.Equal(1, await Count(new DisclosureQuery(Department: "乙局", FiscalYear: 2025)));
        Assert.Equal(6, await Count(new DisclosureQuery(Status: RevisionStatus.Blocked)));
        Assert.Equal(0, await Count(new DisclosureQuery(Status: RevisionStatus.Publishable)));
        Assert.Equal(2, await Count(new DisclosureQuery(Text: "丙局")));
    }

    [Fact]
    public async Task Garbage_and_foreign_page_tokens_are_refused_with_a_clear_message()
    {
        await SeedAsync();
        var bad = await Assert.ThrowsAsync<ArgumentException>(() =>
            WithStoreAsync(s => s.ListDisclosuresAsync(new DisclosureQuery(), 2, "not-a-token!", CancellationToken.None)));
        Assert.Contains("page_token", bad.Message);

        var first = await WithStoreAsync(s => s.ListDisclosuresAsync(new DisclosureQuery(FiscalYear: 2024), 1, null, CancellationToken.None));
        var foreign = await Assert.ThrowsAsync<ArgumentException>(() =>
            WithStoreAsync(s => s.ListDisclosuresAsync(new DisclosureQuery(FiscalYear: 2025), 1, first.NextPageToken, CancellationToken.None)));
        Assert.Contains("different filter", foreign.Message);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            WithStoreAsync(s => s.SearchIndicatorsAsync(new IndicatorQuery(), 5, first.NextPageToken, CancellationToken.None)));
    }

    [Fact]
    public async Task Revisions_list_in_order_and_page()
    {
        var first = await WriteAsync(TestDisclosures.Make(), "a");
        for (var i = 1; i < 5; i++) await WriteAsync(TestDisclosures.Make(satisfaction: 90m + i), "v" + i);
        var id = first.Disclosure!.Id;

        var page1 = await WithStoreAsync(s => s.ListRevisionsAsync(id, 3, null, CancellationToken.None));
        var page2 = await WithStoreAsync(s => s.ListRevisionsAsync(id, 3, page1.NextPageToken, CancellationToken.None));

        Assert.Equal([1, 2, 3], page1.Items.Select(r => r.Number));
        Assert.Equal([4, 5], page2.Items.Select(r => r.Number));
        Assert.Equal("", page2.NextPageToken);
        Assert.Equal(5, page1.TotalSize);
        Assert.Empty(page1.Items[0].Content);
        var full = await WithStoreAsync(s => s.GetRevisionAsync(id, 3, full: true, CancellationToken.None));
        Assert.Equal(6, full!.Projects.Sum(p => p.Indicators.Count));
        Assert.Equal(TestDisclosures.Bytes("v2"), full.Content);
        Assert.Null(await WithStoreAsync(s => s.GetRevisionAsync(id, 9, full: false, CancellationToken.None)));
        Assert.Equal(5, (await WithStoreAsync(s => s.GetLatestRevisionAsync(id, false, CancellationToken.None)))!.Number);
    }

    [Fact]
    public async Task Satisfaction_targets_below_90_percent_in_2024_are_found_across_departments()
    {
        await SeedAsync();
        var query = new IndicatorQuery(FiscalYear: 2024, Level1: "满意度指标", Unit: "%", MaxValue: 90m, MaxExclusive: true);

        var page = await WithStoreAsync(s => s.SearchIndicatorsAsync(query, 50, null, CancellationToken.None));

        // Per disclosure: 社会满意度 88 and 群众满意度 85.
        Assert.Equal(6, page.Items.Count);
        Assert.All(page.Items, h => Assert.True(h.Indicator.Value < 90m && h.FiscalYear == 2024));
        Assert.Equal(Departments.Order(StringComparer.Ordinal), page.Items.Select(h => h.Department).Distinct().Order(StringComparer.Ordinal));
        var hit = page.Items.First(h => h.Indicator.Name == "社会满意度");
        Assert.Equal(("1", "招商引资工作经费", 1), (hit.ProjectCode, hit.ProjectName, hit.RevisionNumber));
        Assert.Equal(["BG301"], hit.FindingRuleIds);
        Assert.Null(page.TotalSize);
    }

    [Fact]
    public async Task Value_bounds_are_inclusive_or_exclusive_as_asked()
    {
        await WriteAsync(TestDisclosures.Make(satisfaction: 90m), "a");
        async Task<int> Count(IndicatorQuery q) => (await WithStoreAsync(s => s.SearchIndicatorsAsync(q, 100, null, CancellationToken.None))).Items.Count;

        Assert.Equal(1, await Count(new IndicatorQuery(Level1: "满意度指标", MinValue: 90m)));
        Assert.Equal(0, await Count(new IndicatorQuery(Level1: "满意度指标", MinValue: 90m, MinExclusive: true)));
        Assert.Equal(2, await Count(new IndicatorQuery(Level1: "满意度指标", MaxValue: 90m)));
        Assert.Equal(1, await Count(new IndicatorQuery(Level1: "满意度指标", MaxValue: 90m, MaxExclusive: true)));
        Assert.Equal(2, await Count(new IndicatorQuery(Unit: "万元", MinValue: 8m, MaxValue: 30m)));
    }

    [Fact]
    public async Task Indicator_search_filters_by_level2_comparator_text_findings_and_department()
    {
        await SeedAsync();
        async Task<List<IndicatorHit>> Find(IndicatorQuery q) => [.. (await WithStoreAsync(s => s.SearchIndicatorsAsync(q, 100, null, CancellationToken.None))).Items];

        Assert.Equal(6, (await Find(new IndicatorQuery(Level2: "成本指标"))).Count);
        Assert.Equal(6, (await Find(new IndicatorQuery(Comparator: Comparator.Qualitative))).Count);
        Assert.Equal(6, (await Find(new IndicatorQuery(Text: "宣传推介"))).Count);
        Assert.Empty(await Find(new IndicatorQuery(Text: "不存在的指标")));
        var flagged = await Find(new IndicatorQuery(HasFindings: true));
        Assert.Equal(6, flagged.Count);
        Assert.All(flagged, h => Assert.Equal("社会满意度", h.Indicator.Name));
        Assert.Equal(30, (await Find(new IndicatorQuery(HasFindings: false))).Count);
        Assert.Equal(12, (await Find(new IndicatorQuery(Department: "甲局"))).Count);
    }

    [Fact]
    public async Task Search_sees_only_the_latest_revision_unless_asked_for_all()
    {
        await WriteAsync(TestDisclosures.Make(), "a");
        await WriteAsync(TestDisclosures.Make(satisfaction: 80m), "b");
        async Task<List<IndicatorHit>> Find(IndicatorQuery q) => [.. (await WithStoreAsync(s => s.SearchIndicatorsAsync(q, 100, null, CancellationToken.None))).Items];

        var latest = await Find(new IndicatorQuery(Text: "社会满意度"));
        Assert.Equal(80m, Assert.Single(latest).Indicator.Value);
        Assert.Equal(2, (await Find(new IndicatorQuery(Text: "社会满意度", LatestOnly: false))).Count);
    }

    [Fact]
    public async Task Indicator_pages_round_trip_in_id_order()
    {
        await SeedAsync();
        var ids = new List<long>();
        string? token = null;
        do
        {
            var page = await WithStoreAsync(s => s.SearchIndicatorsAsync(new IndicatorQuery(FiscalYear: 2025), 4, token, CancellationToken.None));
            Assert.True(page.Items.Count <= 4);
            ids.AddRange(page.Items.Select(h => h.Indicator.Id));
            token = page.NextPageToken;
        } while (token.Length > 0);

        Assert.Equal(18, ids.Count);
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(18, ids.Distinct().Count());
    }

    [Fact]
    public async Task Value_range_pages_go_in_value_order_and_round_trip()
    {
        await SeedAsync();
        var query = new IndicatorQuery(MinValue: 8m, MaxValue: 95m);
        var hits = new List<IndicatorHit>();
        string? token = null;
        do
        {
            var page = await WithStoreAsync(s => s.SearchIndicatorsAsync(query, 5, token, CancellationToken.None));
            hits.AddRange(page.Items);
            token = page.NextPageToken;
        } while (token.Length > 0);

        // Per disclosure: 30, 100 (out), 88 or 95, 8, 85 → four in range.
        Assert.Equal(24, hits.Count);
        Assert.Equal(24, hits.Select(h => h.Indicator.Id).Distinct().Count());
        var keys = hits.Select(h => (h.Indicator.Value!.Value, h.Indicator.Id)).ToList();
        Assert.Equal(keys.OrderBy(k => k.Value).ThenBy(k => k.Id), keys);

        var first = await WithStoreAsync(s => s.SearchIndicatorsAsync(query, 5, null, CancellationToken.None));
        var tampered = PageTokenFor("indicators", query, "not-a-value/7");
        await Assert.ThrowsAsync<ArgumentException>(() => WithStoreAsync(s => s.SearchIndicatorsAsync(query, 5, tampered, CancellationToken.None)));
        Assert.NotEqual("", first.NextPageToken);
    }

    private static string PageTokenFor<T>(string listing, T query, string key) => PageToken.Encode(listing, PageToken.Fingerprint(query), key);
}

public sealed class SqliteQueryTests() : QueryBehaviour(TestDatabase.CreateSqliteAsync);

[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlQueryTests(PostgresCluster cluster) : QueryBehaviour(() => TestDatabase.CreatePostgreSqlAsync(cluster));
