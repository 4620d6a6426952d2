using System.Text;
using System.Text.Json;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Server.Tests.Infrastructure;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace BudgetGrpc.Server.Tests;

/// <summary>
/// 样例县农业农村局's 2025 target table and its self-evaluation imported through the API of a real Kestrel server, then
/// compared: the link, the planted misses, the search filters, the exports and deliveries, and a target revised after
/// the link.
/// </summary>
public sealed class SelfEvaluationComparisonTests : IAsyncLifetime
{
    private const int Year = 2025;
    private const string Department = TestKeys.AgriDepartment;

    /// <summary>The targets the self-evaluation sample misses (its gold: 95/100, 280/300, 92/95, 49.4/52, 98/100).</summary>
    private static readonly string[] PlantedMisses = ["项目按期完成率", "带动农户务工就业", "群众满意度", "强制免疫畜禽数量", "病死畜禽无害化处理率"];

    private BudgetServerHost host = null!;
    private ImportDisclosureResponse targets = null!;
    private ImportDisclosureResponse evaluation = null!;

    private DisclosureService.DisclosureServiceClient Reader => host.Client(TestKeys.Reader);
    private DisclosureService.DisclosureServiceClient Importer => host.Client(TestKeys.AgriImporter);

    public async Task InitializeAsync()
    {
        host = await BudgetServerHost.StartAsync(kestrel: true, seed: false, extra:
        [
            new("Delivery:Targets:0:Name", "portal"),
            new("Delivery:Targets:0:Format", "json"),
            new("Delivery:Targets:1:Name", "sheet"),
            new("Delivery:Targets:1:Format", "csv"),
        ]);
        targets = await ImportAsync("yangli-2025-agri.xlsx");
        evaluation = await ImportAsync("yangli-2025-agri-selfeval.xlsx");
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    private Task<ImportDisclosureResponse> ImportAsync(string sample) => ImportAsync(sample, File.ReadAllBytes(BudgetServerHost.Sample(sample)));

    private async Task<ImportDisclosureResponse> ImportAsync(string fileName, byte[] content) =>
        await Importer.ImportDisclosureAsync(new ImportDisclosureRequest { FileName = fileName, Content = ByteString.CopyFrom(content) });

    private async Task<CompareSelfEvaluationResponse> CompareAsync() =>
        await Reader.CompareSelfEvaluationAsync(new CompareSelfEvaluationRequest { Department = Department, FiscalYear = Year });

    [Fact]
    public async Task The_self_evaluation_is_a_disclosure_of_its_own_kind()
    {
        Assert.Equal(ImportOutcome.Created, targets.Outcome);
        Assert.Equal(ImportOutcome.Created, evaluation.Outcome);
        Assert.Equal(DisclosureKind.TargetTable, targets.Revision.Kind);
        Assert.Equal(DisclosureKind.SelfEvaluation, evaluation.Revision.Kind);
        Assert.NotEqual(targets.Revision.Disclosure, evaluation.Revision.Disclosure);

        var listed = await Reader.ListDisclosuresAsync(new ListDisclosuresRequest { Department = Department, FiscalYear = Year });
        Assert.Equal([DisclosureKind.TargetTable, DisclosureKind.SelfEvaluation], listed.Disclosures.Select(d => d.Kind).Order());
    }

    [Fact]
    public async Task The_comparison_links_every_target_and_reports_each_planted_miss()
    {
        var c = await CompareAsync();

        Assert.Equal(evaluation.Revision.Name, c.SelfEvaluationRevision);
        Assert.Equal(targets.Revision.Name, c.TargetRevision);
        Assert.Equal(targets.Revision.Name, c.LatestTargetRevision);
        Assert.False(c.TargetsRevisedAfterLink);

        Assert.Equal(3, c.Projects.Count);
        Assert.All(c.Projects, p =>
        {
            Assert.NotEmpty(p.ApprovedName);
            Assert.Equal(p.ApprovedName, p.EvaluatedName);
            Assert.Equal(1.0, p.Confidence);
            Assert.NotEmpty(p.ComputedScore);
            Assert.NotEmpty(p.Grade);
        });

        Assert.Equal(targets.Revision.IndicatorCount, c.Indicators.Count);
        Assert.All(c.Indicators, g =>
        {
            Assert.NotNull(g.Approved);
            Assert.NotNull(g.Evaluated);
            Assert.NotNull(g.Evaluated.Actual);
            Assert.True(g.Confidence >= 0.6, $"{g.Name} linked with {g.Confidence}");
            Assert.False(g.TargetRestated);
            Assert.False(g.TargetRevised);
        });
        var missed = c.Indicators.Where(g => g.Status == GapStatus.Missed).ToList();
        Assert.Equal(PlantedMisses.Order(), missed.Select(g => g.Name).Order());
        Assert.All(missed, g => Assert.Equal(TargetOutcome.Missed, g.Outcome));
        Assert.Equal(new GapCounts { Met = c.Indicators.Count - PlantedMisses.Length, Missed = PlantedMisses.Length }, c.Counts);

        var satisfaction = Assert.Single(missed, g => g.Name == "群众满意度");
        Assert.Equal("95", satisfaction.Approved.Value);
        Assert.Equal("92", satisfaction.Evaluated.Actual.Value);
        Assert.Equal("10", satisfaction.Evaluated.Score);
        Assert.Equal("9.68", satisfaction.Evaluated.ComputedScore);
    }

    [Fact]
    public async Task The_comparison_is_served_as_json_over_http()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"/v1/selfEvaluations:compare?department={Uri.EscapeDataString(Department)}&fiscalYear={Year}");
        request.Headers.Add("authorization", $"Bearer {TestKeys.Reader}");
        using var response = await host.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(PlantedMisses.Length, json.RootElement.GetProperty("counts").GetProperty("missed").GetInt32());
        Assert.Equal(targets.Revision.Name, json.RootElement.GetProperty("targetRevision").GetString());
    }

    [Fact]
    public async Task Requests_are_checked_field_by_field_and_need_a_key()
    {
        var noDepartment = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () =>
            Reader.CompareSelfEvaluationAsync(new CompareSelfEvaluationRequest { FiscalYear = Year }).ResponseAsync);
        Assert.Equal("DEPARTMENT_REQUIRED", RpcAssert.ErrorInfo(noDepartment).Reason);
        Assert.Equal("department", Assert.Single(noDepartment.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field);

        var noYear = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () =>
            Reader.CompareSelfEvaluationAsync(new CompareSelfEvaluationRequest { Department = Department }).ResponseAsync);
        Assert.Equal("fiscal_year", Assert.Single(noYear.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field);

        var otherYear = await RpcAssert.ThrowsAsync(StatusCode.NotFound, () =>
            Reader.CompareSelfEvaluationAsync(new CompareSelfEvaluationRequest { Department = Department, FiscalYear = 2024 }).ResponseAsync);
        Assert.Equal("NO_SELF_EVALUATION", RpcAssert.ErrorInfo(otherYear).Reason);
        Assert.Equal("2024", RpcAssert.ErrorInfo(otherYear).Metadata["fiscal_year"]);

        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () =>
            host.Client(null).CompareSelfEvaluationAsync(new CompareSelfEvaluationRequest { Department = Department, FiscalYear = Year }).ResponseAsync);
    }

    [Fact]
    public async Task A_self_evaluation_without_a_target_table_is_not_found_with_its_name()
    {
        await using var alone = await BudgetServerHost.StartAsync(kestrel: true, seed: false);
        var imported = await alone.Client(TestKeys.AgriImporter).ImportDisclosureAsync(new ImportDisclosureRequest
        {
            FileName = "selfeval.html",
            Content = ByteString.CopyFrom(File.ReadAllBytes(BudgetServerHost.Sample("yangli-2025-agri-selfeval.html"))),
        });
        var ex = await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => alone.Client(TestKeys.Reader)
            .CompareSelfEvaluationAsync(new CompareSelfEvaluationRequest { Department = Department, FiscalYear = Year }).ResponseAsync);
        Assert.Equal("NO_TARGET_TABLE", RpcAssert.ErrorInfo(ex).Reason);
        Assert.Equal(imported.Revision.Disclosure, RpcAssert.ErrorInfo(ex).Metadata["self_evaluation"]);
    }

    [Fact]
    public async Task Search_finds_the_missed_targets_and_the_stated_scores_that_differ_from_the_rules()
    {
        var missed = await Reader.SearchIndicatorsAsync(new SearchIndicatorsRequest { Department = Department, FiscalYear = Year, MissedTargets = true });
        Assert.Equal(PlantedMisses.Order(), missed.Hits.Select(h => h.Indicator.Name).Order());
        Assert.All(missed.Hits, h => Assert.Equal(evaluation.Revision.Name, h.Revision));

        var differing = await Reader.SearchIndicatorsAsync(new SearchIndicatorsRequest { Department = Department, FiscalYear = Year, ScoreDiffers = true });
        // 新建高标准农田面积 states 16 for a computed 15 (BG602), 群众满意度 full marks for a missed target, 9.68 by the rules
        // (BG603); 强制免疫畜禽数量's 14.25 is right, and so is every other stated score.
        Assert.Equal(["新建高标准农田面积", "群众满意度"], differing.Hits.Select(h => h.Indicator.Name).Order());

        var both = await Reader.SearchIndicatorsAsync(new SearchIndicatorsRequest { Department = Department, MissedTargets = true, ScoreDiffers = true });
        Assert.Equal("群众满意度", Assert.Single(both.Hits).Indicator.Name);

        // Target tables state no actual: nothing of theirs is ever a missed target.
        var all = await Reader.SearchIndicatorsAsync(new SearchIndicatorsRequest { Department = Department, PageSize = 100 });
        Assert.Contains(all.Hits, h => h.Revision == targets.Revision.Name);
    }

    [Fact]
    public async Task Exports_and_deliveries_carry_the_self_evaluation_fields()
    {
        // The sample's planted faults include errors (BG601, BG606): exporting it takes an operator's force.
        var json = await host.Client(TestKeys.Operator).ExportRevisionAsync(new ExportRevisionRequest
        {
            Name = evaluation.Revision.Name, Format = ExportFormat.Json, Force = evaluation.Revision.Status == RevisionStatus.Blocked,
        });
        AssertSelfEvaluationJson(json.Content.ToByteArray());

        var csv = await host.Client(TestKeys.Operator).ExportRevisionAsync(new ExportRevisionRequest
        {
            Name = evaluation.Revision.Name, Format = ExportFormat.Csv, Force = evaluation.Revision.Status == RevisionStatus.Blocked,
        });
        AssertSelfEvaluationCsv(csv.Content.ToByteArray());

        // Blocked revisions are not delivered: the sample with its two planted errors corrected (得分 16 → 15 and the
        // totals that follow from it, 总分 98.60 → 99.60) is publishable, and is delivered in both formats.
        var html = File.ReadAllText(BudgetServerHost.Sample("yangli-2025-agri-selfeval.html"));
        var corrected = html
            .Replace("<td>10260</td><td>15</td><td>16</td>", "<td>10260</td><td>15</td><td>15</td>", StringComparison.Ordinal)
            .Replace("<td>100</td><td>99.82</td>", "<td>100</td><td>98.82</td>", StringComparison.Ordinal)
            .Replace("<td>100</td><td>98.60</td>", "<td>100</td><td>99.60</td>", StringComparison.Ordinal);
        var publishable = await ImportAsync("yangli-2025-agri-selfeval-corrected.html", Encoding.UTF8.GetBytes(corrected));
        Assert.Equal(ImportOutcome.NewRevision, publishable.Outcome);
        Assert.Equal(RevisionStatus.Publishable, publishable.Revision.Status);

        var deliveries = new DeliveryService.DeliveryServiceClient(host.Invoker(TestKeys.Operator));
        var claimed = await deliveries.ClaimDeliveriesAsync(new ClaimDeliveriesRequest
        {
            WorkerId = "test", MaxCount = 100, LeaseDuration = Duration.FromTimeSpan(TimeSpan.FromMinutes(1)),
        });
        Assert.Equal(RevisionStatus.Blocked, evaluation.Revision.Status);
        Assert.DoesNotContain(claimed.Deliveries, d => d.Delivery.Revision == evaluation.Revision.Name);
        var ofEvaluation = claimed.Deliveries.Where(d => d.Delivery.Revision == publishable.Revision.Name).ToList();
        AssertSelfEvaluationJson(Assert.Single(ofEvaluation, d => d.Delivery.Target == "portal").Content.ToByteArray());
        AssertSelfEvaluationCsv(Assert.Single(ofEvaluation, d => d.Delivery.Target == "sheet").Content.ToByteArray());
    }

    private static void AssertSelfEvaluationJson(byte[] content)
    {
        using var doc = JsonDocument.Parse(content);
        Assert.Equal("selfEvaluation", doc.RootElement.GetProperty("kind").GetString());
        var project = doc.RootElement.GetProperty("projects").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "农产品质量安全监测经费");
        Assert.NotEqual(JsonValueKind.Null, project.GetProperty("computedScore").ValueKind);
        Assert.NotEmpty(project.GetProperty("grade").GetString()!);
        var satisfaction = project.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "群众满意度");
        // Publication JSON writes decimals as strings.
        Assert.Equal("92", satisfaction.GetProperty("actual").GetProperty("value").GetString());
        Assert.Equal("10", satisfaction.GetProperty("score").GetString());
        Assert.Equal("9.68", satisfaction.GetProperty("computedScore").GetString());
        Assert.True(satisfaction.TryGetProperty("deviationReason", out _));
    }

    private static void AssertSelfEvaluationCsv(byte[] content)
    {
        var rows = CsvRows(Encoding.UTF8.GetString(content).TrimStart('\uFEFF'));
        var header = rows[0];
        var row = rows.Single(r => r.Contains("群众满意度"));
        Assert.Equal("92", row[header.IndexOf("actualValue")]);
        Assert.Equal("10", row[header.IndexOf("score")]);
        Assert.Equal("9.68", row[header.IndexOf("indicatorComputedScore")]);
    }

    /// <summary>RFC 4180 rows: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<List<string>> CsvRows(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < text.Length && text[i + 1] == '"') field.Append(text[++i]);
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else if (c != '\r') field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }
        return rows;
    }

    [Fact]
    public async Task A_target_revised_after_the_link_is_a_target_changed_after_approval()
    {
        // The same table, its first target raised from ≥10000亩 to ≥10500亩, as a new revision of the target table.
        var csv = File.ReadAllText(BudgetServerHost.Sample("yangli-2025-agri.csv"));
        var raised = csv.Replace("\"新建高标准农田面积\",\"≥\",10000,", "\"新建高标准农田面积\",\"≥\",10500,", StringComparison.Ordinal);
        Assert.NotEqual(csv, raised);
        var revised = await ImportAsync("yangli-2025-agri-v2.csv", Encoding.UTF8.GetBytes(raised));
        Assert.Equal(ImportOutcome.NewRevision, revised.Outcome);
        Assert.Equal(targets.Revision.Disclosure, revised.Revision.Disclosure);

        var c = await CompareAsync();

        // Still linked to the revision in force when the self-evaluation arrived.
        Assert.Equal(targets.Revision.Name, c.TargetRevision);
        Assert.Equal(revised.Revision.Name, c.LatestTargetRevision);
        Assert.True(c.TargetsRevisedAfterLink);
        var changed = Assert.Single(c.Indicators, g => g.Status == GapStatus.TargetChanged);
        Assert.Equal("新建高标准农田面积", changed.Name);
        Assert.True(changed.TargetRevised);
        Assert.False(changed.TargetRestated);
        Assert.Equal("10000", changed.Approved.Value);
        Assert.Equal("10500", changed.CurrentTarget.Value);
        // Judged against the approved target: 10260亩 met ≥10000亩.
        Assert.Equal(TargetOutcome.Met, changed.Outcome);
        Assert.Equal(1, c.Counts.TargetChanged);
        Assert.Equal(PlantedMisses.Length, c.Counts.Missed);
        Assert.Equal(c.Indicators.Count - PlantedMisses.Length - 1, c.Counts.Met);

        // A self-evaluation imported after the revision answers it: the link moves there, and the self-evaluation,
        // which still states ≥10000亩, restates the target, now missed (10260 of 10500亩).
        var html = File.ReadAllBytes(BudgetServerHost.Sample("yangli-2025-agri-selfeval.html"));
        var again = await ImportAsync("yangli-2025-agri-selfeval.html", html);
        Assert.Equal(ImportOutcome.NewRevision, again.Outcome);
        var relinked = await CompareAsync();
        Assert.Equal(again.Revision.Name, relinked.SelfEvaluationRevision);
        Assert.Equal(revised.Revision.Name, relinked.TargetRevision);
        Assert.False(relinked.TargetsRevisedAfterLink);
        var restated = Assert.Single(relinked.Indicators, g => g.Status == GapStatus.TargetChanged);
        Assert.Equal("新建高标准农田面积", restated.Name);
        Assert.True(restated.TargetRestated);
        Assert.False(restated.TargetRevised);
        Assert.Equal("10500", restated.Approved.Value);
        Assert.Equal("10000", restated.Evaluated.Value);
        Assert.Equal(TargetOutcome.Missed, restated.Outcome);
    }
}
