using System.Net;
using System.Text.Json;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Server.Tests.Infrastructure;
using Grpc.Core;

namespace BudgetGrpc.Server.Tests;

/// <summary>The read RPCs in-process (TestServer) over the seeded sample files.</summary>
public sealed class ReadApiTests(InProcessServer server) : IClassFixture<InProcessServer>
{
    private DisclosureService.DisclosureServiceClient Reader => server.Host.Client(TestKeys.Reader);

    private async Task<List<Disclosure>> AllDisclosuresAsync(int pageSize, ListDisclosuresRequest? filter = null)
    {
        var all = new List<Disclosure>();
        var request = filter ?? new ListDisclosuresRequest();
        request.PageSize = pageSize;
        do
        {
            var page = await Reader.ListDisclosuresAsync(request);
            Assert.True(page.Disclosures.Count <= pageSize);
            all.AddRange(page.Disclosures);
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0);
        return all;
    }

    [Fact]
    public async Task Seed_files_become_one_disclosure_per_department_and_year()
    {
        var all = await AllDisclosuresAsync(100);
        // 门源 2024, and for 2025 the 教育局 form and 农业农村局's target table, self-evaluation and department-wide table.
        Assert.Equal(5, all.Count);
        var seed = Assert.Single(all, d => d.Department == TestKeys.MenyuanDepartment);
        Assert.Equal(2024, seed.FiscalYear);
        Assert.Equal(DisclosureKind.TargetTable, seed.Kind);
        Assert.StartsWith("disclosures/", seed.Name);
        Assert.Equal($"{seed.Name}/revisions/{seed.LatestRevision}", seed.LatestRevisionName);
        // The agri table comes as csv, gb18030 csv, html and xlsx, the same table four times: the seed imports the
        // first and leaves one revision per disclosure, none that differ from another in nothing.
        Assert.All(all, d => Assert.Equal(1, d.LatestRevision));
        // Its self-evaluation (xlsx, html) and its department-wide table (docx, xlsx) are disclosures of their own kind.
        Assert.Equal([DisclosureKind.TargetTable, DisclosureKind.SelfEvaluation, DisclosureKind.DepartmentTargets],
            all.Where(d => d.Department == TestKeys.AgriDepartment).Select(d => d.Kind).Order());
    }

    [Fact]
    public async Task Paging_one_at_a_time_returns_the_same_disclosures_as_one_page()
    {
        var oneByOne = await AllDisclosuresAsync(1);
        var together = await AllDisclosuresAsync(100);
        Assert.Equal(together.Select(d => d.Name), oneByOne.Select(d => d.Name));
    }

    [Fact]
    public async Task List_filters_by_department_year_and_text()
    {
        Assert.Equal(4, (await AllDisclosuresAsync(10, new ListDisclosuresRequest { FiscalYear = 2025 })).Count);
        var byDepartment = await AllDisclosuresAsync(10, new ListDisclosuresRequest { Department = TestKeys.MenyuanDepartment });
        Assert.Equal(TestKeys.MenyuanDepartment, Assert.Single(byDepartment).Department);
        var byText = await AllDisclosuresAsync(10, new ListDisclosuresRequest { Text = "农业农村" });
        Assert.Equal(3, byText.Count);
        Assert.All(byText, d => Assert.Equal(TestKeys.AgriDepartment, d.Department));
        Assert.Empty(await AllDisclosuresAsync(10, new ListDisclosuresRequest { FiscalYear = 1999 }));
    }

    [Fact]
    public async Task A_page_token_from_another_filter_is_invalid_argument()
    {
        var page = await Reader.ListDisclosuresAsync(new ListDisclosuresRequest { PageSize = 1 });
        Assert.NotEmpty(page.NextPageToken);
        var ex = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () =>
            Reader.ListDisclosuresAsync(new ListDisclosuresRequest { PageSize = 1, FiscalYear = 2025, PageToken = page.NextPageToken }).ResponseAsync);
        Assert.Equal("INVALID_ARGUMENT", RpcAssert.ErrorInfo(ex).Reason);
    }

    [Fact]
    public async Task Full_revision_of_a_self_evaluation_carries_actuals_scores_budget_and_grade()
    {
        var evaluation = (await AllDisclosuresAsync(10)).Single(d => d.Kind == DisclosureKind.SelfEvaluation);
        var revision = await Reader.GetRevisionAsync(new GetRevisionRequest { Name = evaluation.LatestRevisionName, View = RevisionView.Full });
        var monitoring = Assert.Single(revision.Projects, p => p.Name == "农产品质量安全监测经费");
        Assert.Equal(("35", "38", "36.48", "96", "10", "9.6"), (monitoring.Budget.Initial, monitoring.Budget.Adjusted, monitoring.Budget.Executed,
            monitoring.Budget.ExecutionRate, monitoring.Budget.Weight, monitoring.Budget.Score));
        Assert.Equal(("98.6", "99.28", "优"), (monitoring.DeclaredScore, monitoring.ComputedScore, monitoring.Grade));
        var satisfaction = Assert.Single(monitoring.Indicators, i => i.Name == "群众满意度");
        Assert.Equal(("92", "%", "10", "10", "9.68"), (satisfaction.Actual.Value, satisfaction.Actual.Unit, satisfaction.Weight, satisfaction.Score, satisfaction.ComputedScore));
        Assert.StartsWith("部分群众", satisfaction.DeviationReason);

        // A target table's indicators have no actual at all.
        var targets = (await AllDisclosuresAsync(10)).Single(d => d.Department == TestKeys.AgriDepartment && d.Kind == DisclosureKind.TargetTable);
        var targetRevision = await Reader.GetRevisionAsync(new GetRevisionRequest { Name = targets.LatestRevisionName, View = RevisionView.Full });
        Assert.All(targetRevision.Projects.SelectMany(p => p.Indicators), i => Assert.Null(i.Actual));
        Assert.All(targetRevision.Projects, p => Assert.Null(p.Budget));
    }

    [Fact]
    public async Task Full_revision_of_the_seed_has_its_projects_amounts_and_indicators()
    {
        var seed = (await AllDisclosuresAsync(10)).Single(d => d.Department == TestKeys.MenyuanDepartment);
        var revision = await Reader.GetRevisionAsync(new GetRevisionRequest { Name = seed.LatestRevisionName, View = RevisionView.Full });

        Assert.Equal("000_c21431a6439d21ac.txt", revision.Source.FileName);
        Assert.Equal(64, revision.Source.Sha256.Length);
        Assert.Equal("万元", revision.AmountUnit);
        Assert.Equal("347.79", revision.DeclaredTotal);
        Assert.Equal(9, revision.Projects.Count);
        var first = revision.Projects[0];
        Assert.Equal("招商引资工作经费", first.Name);
        Assert.Equal(18m, decimal.Parse(first.Amount, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(180000m, decimal.Parse(first.AmountYuan, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(revision.IndicatorCount, revision.Projects.Sum(p => p.Indicators.Count));
        var amountIndicator = first.Indicators[0];
        Assert.Equal(Comparator.GreaterOrEqual, amountIndicator.Comparator);
        Assert.Equal(30m, decimal.Parse(amountIndicator.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("row", amountIndicator.SourceRef);
        Assert.Equal(revision.FindingCounts.Errors + revision.FindingCounts.Warnings + revision.FindingCounts.Infos, revision.Findings.Count);
    }

    [Fact]
    public async Task Basic_view_leaves_out_projects_and_latest_names_the_newest_revision()
    {
        var agri = (await AllDisclosuresAsync(10)).Single(d => d.Department == TestKeys.AgriDepartment && d.Kind == DisclosureKind.TargetTable);
        var latest = await Reader.GetRevisionAsync(new GetRevisionRequest { Name = $"{agri.Name}/revisions/latest" });
        Assert.Equal(agri.LatestRevisionName, latest.Name);
        Assert.Empty(latest.Projects);
        Assert.True(latest.IndicatorCount > 0);

        // The seed leaves one revision per disclosure (its other formats are the same table).
        var revisions = await Reader.ListRevisionsAsync(new ListRevisionsRequest { Parent = agri.Name, PageSize = 3 });
        Assert.Equal([1], revisions.Revisions.Select(r => r.RevisionNumber));
        Assert.Empty(revisions.NextPageToken);
        Assert.All(revisions.Revisions, r => Assert.Equal(TestKeys.AgriDepartment, r.Department));
    }

    [Fact]
    public async Task Unknown_and_malformed_names_are_not_found_and_invalid_argument()
    {
        var missing = await RpcAssert.ThrowsAsync(StatusCode.NotFound, () =>
            Reader.GetDisclosureAsync(new GetDisclosureRequest { Name = "disclosures/doesnotexist" }).ResponseAsync);
        Assert.Equal("RESOURCE_NOT_FOUND", RpcAssert.ErrorInfo(missing).Reason);

        var malformed = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () =>
            Reader.GetRevisionAsync(new GetRevisionRequest { Name = "revisions/1" }).ResponseAsync);
        Assert.Equal("MALFORMED_RESOURCE_NAME", RpcAssert.ErrorInfo(malformed).Reason);
        var violation = Assert.Single(malformed.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations);
        Assert.Equal("name", violation.Field);
    }

    [Fact]
    public async Task Satisfaction_targets_below_95_percent_in_2025_are_found_across_departments()
    {
        var hits = new List<IndicatorHit>();
        var request = new SearchIndicatorsRequest
        {
            Level1 = "满意度指标", FiscalYear = 2025, Unit = "%", MaxValue = "95", MaxExclusive = true, PageSize = 1,
        };
        do
        {
            var page = await Reader.SearchIndicatorsAsync(request);
            hits.AddRange(page.Hits);
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0);

        Assert.NotEmpty(hits);
        Assert.All(hits, h =>
        {
            Assert.Equal(2025, h.FiscalYear);
            Assert.Equal("满意度指标", h.Indicator.Level1);
            Assert.True(decimal.Parse(h.Indicator.Value, System.Globalization.CultureInfo.InvariantCulture) < 95m);
            Assert.Contains("/revisions/", h.Revision);
        });
        Assert.True(hits.Select(h => h.Department).Distinct().Count() >= 2, "both 2025 departments have such targets");

        // Exclusive means exclusive: nothing at exactly 95 comes back, and "below 90" excludes the 90s found above.
        var below90 = await Reader.SearchIndicatorsAsync(new SearchIndicatorsRequest
        {
            Level1 = "满意度指标", FiscalYear = 2025, MaxValue = "90", MaxExclusive = true, PageSize = 100,
        });
        Assert.All(below90.Hits, h => Assert.True(decimal.Parse(h.Indicator.Value, System.Globalization.CultureInfo.InvariantCulture) < 90m));
        var atMost90 = await Reader.SearchIndicatorsAsync(new SearchIndicatorsRequest
        {
            Level1 = "满意度指标", FiscalYear = 2025, MaxValue = "90", PageSize = 100,
        });
        Assert.True(atMost90.Hits.Count > below90.Hits.Count);
    }

    [Fact]
    public async Task Search_rejects_a_value_bound_that_is_not_a_decimal()
    {
        var ex = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () =>
            Reader.SearchIndicatorsAsync(new SearchIndicatorsRequest { MinValue = "ninety" }).ResponseAsync);
        Assert.Equal("min_value", Assert.Single(ex.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task Search_refuses_a_value_range_with_nothing_to_compare_within()
    {
        var ex = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () =>
            Reader.SearchIndicatorsAsync(new SearchIndicatorsRequest { MaxValue = "90", FiscalYear = 2025 }).ResponseAsync);
        Assert.Equal("VALUE_RANGE_NEEDS_SCOPE", ex.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>()!.Reason);
        Assert.Equal("max_value", Assert.Single(ex.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field);

        // Any one of unit, first level or department is enough.
        var byUnit = await Reader.SearchIndicatorsAsync(new SearchIndicatorsRequest { MaxValue = "90", Unit = "%", PageSize = 200 });
        Assert.NotEmpty(byUnit.Hits);
        Assert.All(byUnit.Hits, h => Assert.Equal("%", h.Indicator.Unit));
        var byDepartment = await Reader.SearchIndicatorsAsync(new SearchIndicatorsRequest { MinValue = "1", Department = TestKeys.MenyuanDepartment, PageSize = 200 });
        Assert.NotEmpty(byDepartment.Hits);
    }

    [Fact]
    public async Task Search_with_findings_returns_only_indicators_a_finding_points_at()
    {
        var page = await Reader.SearchIndicatorsAsync(new SearchIndicatorsRequest { HasFindings = true, PageSize = 200 });
        Assert.All(page.Hits, h => Assert.True(h.FindingCount > 0));
    }

    [Fact]
    public async Task Transcoded_GET_returns_the_revision_as_JSON_with_a_key_and_401_without()
    {
        var seed = (await AllDisclosuresAsync(10)).Single(d => d.Department == TestKeys.MenyuanDepartment);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/{seed.LatestRevisionName}?view=REVISION_VIEW_FULL");
        request.Headers.Authorization = new("Bearer", TestKeys.Reader);
        using var response = await server.Host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(seed.LatestRevisionName, json.RootElement.GetProperty("name").GetString());
        Assert.Equal("347.79", json.RootElement.GetProperty("declaredTotal").GetString());
        Assert.Equal(9, json.RootElement.GetProperty("projects").GetArrayLength());

        using var anonymous = await server.Host.Http.GetAsync($"/v1/{seed.LatestRevisionName}");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Theory]
    [InlineData("/v1/disclosures/doesnotexist", HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND")]
    [InlineData("/v1/disclosures?pageToken=!!!", HttpStatusCode.BadRequest, null)]
    [InlineData("/v1/indicators:search?minValue=abc", HttpStatusCode.BadRequest, null)]
    public async Task Transcoded_GET_errors_keep_their_status_and_details(string path, HttpStatusCode status, string? reason)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", TestKeys.Reader);
        using var response = await server.Host.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        var details = json.RootElement.GetProperty("details");
        Assert.True(details.GetArrayLength() > 0, body);
        if (reason is not null) Assert.Contains(reason, body);
    }

    [Fact]
    public async Task Echo_answers_for_a_reader()
    {
        var reply = await server.Host.Diagnostics(TestKeys.Reader).EchoAsync(new EchoRequest { Message = "你好" });
        Assert.Equal("你好", reply.Message);
    }
}
