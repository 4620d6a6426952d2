using System.Text;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Server.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;

namespace BudgetGrpc.Server.Tests;

/// <summary>
/// A request id is bound to the key that used it, to the content and to validate_only: a replay is answered only for
/// all three the same, and then exactly as the first call was; anything else is refused (REQUEST_ID_REUSED), and no
/// replay answers before the caller is authorised.
/// </summary>
public sealed class RequestIdTests(InProcessServer server) : IClassFixture<InProcessServer>
{
    private DisclosureService.DisclosureServiceClient Client(string key) => server.Host.Client(key);

    private static ByteString Agri => ByteString.CopyFrom(File.ReadAllBytes(BudgetServerHost.Sample("yangli-2025-agri.xlsx")));

    /// <summary>The Menyuan seed with one amount changed: a new revision whose 合计 no longer matches (error findings).</summary>
    private static ByteString MenyuanWithErrors(string amount) => ByteString.CopyFrom(Encoding.UTF8.GetBytes(
        File.ReadAllText(BudgetServerHost.Sample("000_c21431a6439d21ac.txt")).Replace("347.79", amount, StringComparison.Ordinal)));

    [Fact]
    public async Task An_importer_replaying_another_departments_request_id_is_denied()
    {
        var requestId = Guid.NewGuid().ToString();
        var first = await Client(TestKeys.AgriImporter).ImportDisclosureAsync(
            new ImportDisclosureRequest { FileName = "agri.xlsx", Content = Agri, RequestId = requestId });
        Assert.NotEqual(ImportOutcome.Unspecified, first.Outcome);

        var ex = await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => Client(TestKeys.MenyuanImporter).ImportDisclosureAsync(
            new ImportDisclosureRequest { FileName = "agri.xlsx", Content = Agri, RequestId = requestId }).ResponseAsync);
        Assert.Equal("FORBIDDEN_DEPARTMENT", RpcAssert.ErrorInfo(ex).Reason);
    }

    [Fact]
    public async Task Other_content_under_a_used_request_id_is_refused_not_dropped()
    {
        var requestId = Guid.NewGuid().ToString();
        await Client(TestKeys.Operator).ImportDisclosureAsync(
            new ImportDisclosureRequest { FileName = "menyuan.txt", Content = MenyuanWithErrors("911.11"), RequestId = requestId });

        var ex = await RpcAssert.ThrowsAsync(StatusCode.AlreadyExists, () => Client(TestKeys.Operator).ImportDisclosureAsync(
            new ImportDisclosureRequest { FileName = "menyuan.txt", Content = MenyuanWithErrors("922.22"), RequestId = requestId }).ResponseAsync);
        Assert.Equal("REQUEST_ID_REUSED", RpcAssert.ErrorInfo(ex).Reason);
    }

    [Fact]
    public async Task A_validate_only_request_id_cannot_be_reused_for_the_real_import()
    {
        var requestId = Guid.NewGuid().ToString();
        var content = MenyuanWithErrors("933.33");
        var validated = await Client(TestKeys.Operator).ImportDisclosureAsync(
            new ImportDisclosureRequest { FileName = "menyuan.txt", Content = content, RequestId = requestId, ValidateOnly = true });
        Assert.Equal(ImportOutcome.ValidatedOnly, validated.Outcome);

        var ex = await RpcAssert.ThrowsAsync(StatusCode.AlreadyExists, () => Client(TestKeys.Operator).ImportDisclosureAsync(
            new ImportDisclosureRequest { FileName = "menyuan.txt", Content = content, RequestId = requestId }).ResponseAsync);
        Assert.Equal("REQUEST_ID_REUSED", RpcAssert.ErrorInfo(ex).Reason);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_replay_answers_exactly_as_the_first_call_findings_and_counts_included(bool validateOnly)
    {
        var request = new ImportDisclosureRequest
        {
            FileName = "menyuan.txt",
            Content = MenyuanWithErrors(validateOnly ? "944.44" : "955.55"),
            RequestId = Guid.NewGuid().ToString(),
            ValidateOnly = validateOnly,
        };
        var first = await Client(TestKeys.Operator).ImportDisclosureAsync(request);
        var replay = await Client(TestKeys.Operator).ImportDisclosureAsync(request);

        Assert.True(first.FindingCounts.Errors > 0, "the changed amount no longer matches its 合计");
        Assert.Equal(first.FindingCounts, replay.FindingCounts);
        Assert.Equal(first.Findings, replay.Findings);
        Assert.Equal(first.Outcome, replay.Outcome);
        Assert.Equal(first.Revision.Name, replay.Revision.Name);
    }

    [Fact]
    public async Task Concurrent_first_uses_of_one_request_id_store_once_and_all_get_the_same_answer()
    {
        var request = new ImportDisclosureRequest { FileName = "menyuan.txt", Content = MenyuanWithErrors("966.66"), RequestId = Guid.NewGuid().ToString() };
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Client(TestKeys.Operator).ImportDisclosureAsync(request).ResponseAsync));

        Assert.All(answers, a => Assert.Equal(answers[0].Revision.Name, a.Revision.Name));
        Assert.All(answers, a => Assert.Equal(answers[0].Findings, a.Findings));
        var uploads = await Client(TestKeys.Operator).ListUploadsAsync(new ListUploadsRequest { PageSize = 1000 });
        Assert.Single(uploads.Uploads, u => u.RequestId == request.RequestId);
    }
}
