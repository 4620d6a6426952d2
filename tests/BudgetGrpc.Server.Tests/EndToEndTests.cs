using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Server.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using HealthClient = Grpc.Health.V1.Health.HealthClient;

namespace BudgetGrpc.Server.Tests;

/// <summary>
/// The server on real Kestrel over loopback (h2c for gRPC, HTTP/1.1 for JSON), called with Grpc.Net.Client
/// the way the tools console and the worker call it.
/// </summary>
public sealed class EndToEndTests(KestrelServer server) : IClassFixture<KestrelServer>
{
    private const string SeedFile = "000_c21431a6439d21ac.txt";

    private DisclosureService.DisclosureServiceClient Operator => server.Host.Client(TestKeys.Operator);

    /// <summary>The seed with 合计 and project 1's amount raised by 2 and its first target from 30 to 40 万元.</summary>
    private static byte[] AmendedSeed() => Encoding.UTF8.GetBytes(File.ReadAllText(BudgetServerHost.Sample(SeedFile))
        .Replace("347.79", "349.79", StringComparison.Ordinal)
        .Replace("招商引资工作经费\t18.00", "招商引资工作经费\t20.00", StringComparison.Ordinal)
        .Replace("项目资金金额<math>\\geq</math>30万元", "项目资金金额<math>\\geq</math>40万元", StringComparison.Ordinal));

    /// <summary>The seed with a 合计 that does not match its projects: an error finding.</summary>
    private static byte[] SeedWithWrongTotal() => Encoding.UTF8.GetBytes(File.ReadAllText(BudgetServerHost.Sample(SeedFile))
        .Replace("347.79", "999.99", StringComparison.Ordinal));

    private async Task<ImportDisclosureResponse> ImportAsync(string fileName, byte[] content, string key = TestKeys.Operator) =>
        await server.Host.Client(key).ImportDisclosureAsync(new ImportDisclosureRequest { FileName = fileName, Content = ByteString.CopyFrom(content) });

    [Fact]
    public async Task Seeded_disclosures_are_listed_over_loopback()
    {
        var page = await server.Host.Client(TestKeys.Reader).ListDisclosuresAsync(new ListDisclosuresRequest { PageSize = 10 });
        Assert.Equal(5, page.Disclosures.Count);
    }

    [Fact]
    public async Task A_changed_seed_is_a_new_revision_and_the_diff_shows_the_amount_and_the_target()
    {
        var base_ = await Operator.GetRevisionAsync(new GetRevisionRequest { Name = (await SeedDisclosureAsync()).LatestRevisionName });
        var imported = await ImportAsync("seed-amended.txt", AmendedSeed(), TestKeys.MenyuanImporter);
        Assert.Equal(ImportOutcome.NewRevision, imported.Outcome);
        Assert.Equal(base_.Disclosure, imported.Revision.Disclosure);
        Assert.True(imported.Revision.RevisionNumber > base_.RevisionNumber);
        // "latest" follows the new revision; an explicit number keeps naming the old one.
        var latest = await Operator.GetRevisionAsync(new GetRevisionRequest { Name = $"{imported.Revision.Disclosure}/revisions/latest", View = RevisionView.Full });
        Assert.Equal(imported.Revision.Name, latest.Name);
        Assert.Equal(base_.Name, (await Operator.GetRevisionAsync(new GetRevisionRequest { Name = base_.Name, View = RevisionView.Full })).Name);

        var diff = await server.Host.Client(TestKeys.Reader).DiffRevisionsAsync(new DiffRevisionsRequest
        {
            BaseRevision = base_.Name,
            TargetRevision = imported.Revision.Name,
        });

        var project = Assert.Single(diff.ProjectChanges);
        Assert.Equal(ChangeKind.Changed, project.Kind);
        Assert.Equal("招商引资工作经费", project.Name);
        Assert.Equal(18m, decimal.Parse(project.BeforeAmount, CultureInfo.InvariantCulture));
        Assert.Equal(20m, decimal.Parse(project.AfterAmount, CultureInfo.InvariantCulture));
        var indicator = Assert.Single(diff.IndicatorChanges);
        Assert.Equal(ChangeKind.Changed, indicator.Kind);
        Assert.Contains("value", indicator.ChangedFields);
        Assert.Equal(30m, decimal.Parse(indicator.Before.Value, CultureInfo.InvariantCulture));
        Assert.Equal(40m, decimal.Parse(indicator.After.Value, CultureInfo.InvariantCulture));
        Assert.Equal((1, 0, 0), (diff.Changed, diff.Added, diff.Removed));
    }

    [Fact]
    public async Task Diff_across_two_disclosures_is_invalid_argument()
    {
        var all = await Operator.ListDisclosuresAsync(new ListDisclosuresRequest { PageSize = 10 });
        var ex = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Operator.DiffRevisionsAsync(new DiffRevisionsRequest
        {
            BaseRevision = all.Disclosures[0].LatestRevisionName,
            TargetRevision = all.Disclosures[1].LatestRevisionName,
        }).ResponseAsync);
        Assert.Equal("DIFFERENT_DISCLOSURES", RpcAssert.ErrorInfo(ex).Reason);
    }

    [Fact]
    public async Task Export_writes_publication_json_and_csv_for_a_publishable_revision()
    {
        var agri = (await Operator.ListDisclosuresAsync(new ListDisclosuresRequest { Department = TestKeys.AgriDepartment })).Disclosures
            .Single(d => d.Kind == DisclosureKind.TargetTable);
        var reader = server.Host.Client(TestKeys.Reader);

        var json = await reader.ExportRevisionAsync(new ExportRevisionRequest { Name = agri.LatestRevisionName, Format = ExportFormat.Json });
        Assert.StartsWith("application/json", json.ContentType);
        Assert.EndsWith(".json", json.FileName);
        using var document = JsonDocument.Parse(json.Content.Memory);
        Assert.Equal("1", document.RootElement.GetProperty("schemaVersion").GetString());
        Assert.Equal(agri.Name["disclosures/".Length..], document.RootElement.GetProperty("disclosureId").GetString());
        Assert.Equal(agri.LatestRevision, document.RootElement.GetProperty("revision").GetInt32());
        Assert.Equal(TestKeys.AgriDepartment, document.RootElement.GetProperty("department").GetString());

        var csv = await reader.ExportRevisionAsync(new ExportRevisionRequest { Name = agri.LatestRevisionName, Format = ExportFormat.Csv });
        Assert.StartsWith("text/csv", csv.ContentType);
        var lines = Encoding.UTF8.GetString(csv.Content.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var revision = await reader.GetRevisionAsync(new GetRevisionRequest { Name = agri.LatestRevisionName });
        Assert.Equal(revision.IndicatorCount + 1, lines.Length);
    }

    [Fact]
    public async Task Export_of_a_revision_with_errors_is_refused_unless_an_operator_forces_it()
    {
        var imported = await ImportAsync("seed-wrong-total.txt", SeedWithWrongTotal());
        Assert.True(imported.FindingCounts.Errors > 0);
        Assert.Equal(RevisionStatus.Blocked, imported.Revision.Status);
        var name = imported.Revision.Name;

        var refused = await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition, () =>
            server.Host.Client(TestKeys.Reader).ExportRevisionAsync(new ExportRevisionRequest { Name = name }).ResponseAsync);
        Assert.Equal("REVISION_HAS_ERRORS", RpcAssert.ErrorInfo(refused).Reason);

        var notOperator = await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () =>
            server.Host.Client(TestKeys.MenyuanImporter).ExportRevisionAsync(new ExportRevisionRequest { Name = name, Force = true }).ResponseAsync);
        Assert.Equal("ROLE_REQUIRED", RpcAssert.ErrorInfo(notOperator).Reason);

        var forced = await Operator.ExportRevisionAsync(new ExportRevisionRequest { Name = name, Force = true });
        using var document = JsonDocument.Parse(forced.Content.Memory);
        Assert.Contains(document.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public async Task Reprocess_with_the_same_engine_examines_every_disclosure_and_changes_nothing()
    {
        var before = await Operator.ListDisclosuresAsync(new ListDisclosuresRequest { PageSize = 10 });
        var result = await Operator.ReprocessRevisionsAsync(new ReprocessRevisionsRequest { All = true });
        Assert.Equal(before.Disclosures.Count, result.Examined);
        Assert.Equal(0, result.NewRevisions);
        Assert.Equal(result.Examined, result.Unchanged);
        Assert.Empty(result.Created);

        var byYear = await Operator.ReprocessRevisionsAsync(new ReprocessRevisionsRequest { FiscalYear = 2025 });
        Assert.Equal(4, byYear.Examined);
    }

    [Fact]
    public async Task Reprocess_needs_exactly_one_scope()
    {
        var ex = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () =>
            Operator.ReprocessRevisionsAsync(new ReprocessRevisionsRequest { All = true, Department = TestKeys.AgriDepartment }).ResponseAsync);
        Assert.Equal("INVALID_REPROCESS_SCOPE", RpcAssert.ErrorInfo(ex).Reason);
    }

    [Fact]
    public async Task A_rejected_upload_carries_error_info_and_bad_request_over_the_wire()
    {
        var ex = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () =>
            ImportAsync("notes.docx", Encoding.UTF8.GetBytes("this is not a word document")));
        var info = RpcAssert.ErrorInfo(ex);
        Assert.Matches("^[A-Z_]+$", info.Reason);
        Assert.StartsWith("uploads/", info.Metadata["upload"]);
        Assert.NotNull(ex.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>());
    }

    [Fact]
    public async Task Health_reflection_and_transcoding_work_on_the_real_endpoints()
    {
        var health = await new HealthClient(server.Host.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/disclosures?pageSize=10&fiscalYear=2025");
        request.Headers.Authorization = new("Bearer", TestKeys.Reader);
        using var response = await server.Host.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new Version(1, 1), response.Version);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(4, json.RootElement.GetProperty("disclosures").GetArrayLength());

        var echo = await server.Host.Diagnostics(TestKeys.Reader).EchoAsync(new EchoRequest { Message = "ping" });
        Assert.Equal("ping", echo.Message);
    }

    private async Task<Disclosure> SeedDisclosureAsync() =>
        (await Operator.ListDisclosuresAsync(new ListDisclosuresRequest { Department = TestKeys.MenyuanDepartment })).Disclosures.Single();
}
