using System.Text;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Server.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;

namespace BudgetGrpc.Server.Tests;

/// <summary>ImportDisclosure in-process: idempotence, validate-only, and refusals with rich details.</summary>
public sealed class ImportApiTests(InProcessServer server) : IClassFixture<InProcessServer>
{
    private DisclosureService.DisclosureServiceClient Operator => server.Host.Client(TestKeys.Operator);

    [Fact]
    public async Task The_same_bytes_again_are_the_existing_revision()
    {
        // The seed imported the agri table from its .csv (the first of its formats by name).
        var bytes = File.ReadAllBytes(BudgetServerHost.Sample("yangli-2025-agri.csv"));
        var first = await Operator.ImportDisclosureAsync(new ImportDisclosureRequest { FileName = "again.csv", Content = ByteString.CopyFrom(bytes) });
        var second = await Operator.ImportDisclosureAsync(new ImportDisclosureRequest { FileName = "again.csv", Content = ByteString.CopyFrom(bytes) });
        Assert.Equal(ImportOutcome.Unchanged, first.Outcome);
        Assert.Equal(ImportOutcome.Unchanged, second.Outcome);
        Assert.Equal(first.Revision.Name, second.Revision.Name);
    }

    [Fact]
    public async Task Validate_only_reports_findings_and_stores_no_revision()
    {
        var seed = File.ReadAllText(BudgetServerHost.Sample("000_c21431a6439d21ac.txt"));
        var changed = seed.Replace("347.79", "999.99", StringComparison.Ordinal);
        var before = await Operator.ListDisclosuresAsync(new ListDisclosuresRequest { Department = TestKeys.MenyuanDepartment });

        var response = await Operator.ImportDisclosureAsync(new ImportDisclosureRequest
        {
            FileName = "seed-wrong-total.txt",
            Content = ByteString.CopyFrom(Encoding.UTF8.GetBytes(changed)),
            ValidateOnly = true,
        });

        Assert.Equal(ImportOutcome.ValidatedOnly, response.Outcome);
        Assert.True(response.FindingCounts.Errors > 0, "a 合计 that does not match the projects is an error");
        Assert.Contains(response.Findings, f => f.Severity == Severity.Error);
        var after = await Operator.ListDisclosuresAsync(new ListDisclosuresRequest { Department = TestKeys.MenyuanDepartment });
        Assert.Equal(before.Disclosures[0].LatestRevision, after.Disclosures[0].LatestRevision);
    }

    [Theory]
    [InlineData("containers/yangli-2025-edu-form.docx.doc", "营养.doc")] // through the server's LibreOffice converter
    [InlineData("containers/yangli-2025-edu-form.xlsx.xls", "营养.xls")]
    [InlineData("containers/yangli-2025-edu-form.html.pdf", "营养.pdf")]
    public async Task Legacy_containers_are_read_by_the_server(string sample, string fileName)
    {
        var response = await Operator.ImportDisclosureAsync(new ImportDisclosureRequest
        {
            FileName = fileName,
            Content = ByteString.CopyFrom(File.ReadAllBytes(BudgetServerHost.Sample(sample))),
            ValidateOnly = true,
        });
        Assert.Equal(ImportOutcome.ValidatedOnly, response.Outcome);
        Assert.Equal(0, response.FindingCounts.Errors);
    }

    [Fact]
    public async Task An_unreadable_file_is_invalid_argument_with_the_engine_reason_and_is_recorded()
    {
        var broken = new byte[] { 0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8 };
        var ex = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () =>
            Operator.ImportDisclosureAsync(new ImportDisclosureRequest { FileName = "broken.xlsx", Content = ByteString.CopyFrom(broken) }).ResponseAsync);

        var info = RpcAssert.ErrorInfo(ex);
        Assert.Equal("UNREADABLE_FILE", info.Reason);
        Assert.Equal("broken.xlsx", info.Metadata["file_name"]);
        Assert.Contains("broken.xlsx", ex.Status.Detail);
        var violation = Assert.Single(ex.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations);
        Assert.Equal("content", violation.Field);

        var rejected = await Operator.ListUploadsAsync(new ListUploadsRequest { Outcome = UploadOutcome.Rejected, PageSize = 100 });
        var upload = Assert.Single(rejected.Uploads, u => u.Name == info.Metadata["upload"]);
        Assert.Equal("UNREADABLE_FILE", upload.Reason);
        Assert.Equal("broken.xlsx", upload.FileName);
    }

    [Fact]
    public async Task An_empty_file_is_refused_as_empty()
    {
        var ex = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () =>
            Operator.ImportDisclosureAsync(new ImportDisclosureRequest { FileName = "empty.csv" }).ResponseAsync);
        Assert.Equal("EMPTY_FILE", RpcAssert.ErrorInfo(ex).Reason);
    }

    [Fact]
    public async Task A_missing_file_name_is_invalid_argument_on_that_field()
    {
        var ex = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () =>
            Operator.ImportDisclosureAsync(new ImportDisclosureRequest { Content = ByteString.CopyFromUtf8("x") }).ResponseAsync);
        Assert.Equal("file_name", Assert.Single(ex.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field);
    }
}
