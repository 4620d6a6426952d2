using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Server.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;

namespace BudgetGrpc.Server.Tests;

/// <summary>
/// Requests are checked before they are used: an enum number outside its values is INVALID_ARGUMENT naming the API
/// field; an error never echoes unbounded input; a field violation names the API field, not a C# parameter.
/// </summary>
public sealed class InputCheckTests(KestrelServer server) : IClassFixture<KestrelServer>
{
    private DisclosureService.DisclosureServiceClient Operator => server.Host.Client(TestKeys.Operator);

    private static async Task AssertInvalidEnum(string field, Func<Task> call)
    {
        var ex = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, call);
        Assert.Equal("INVALID_ENUM_VALUE", RpcAssert.ErrorInfo(ex).Reason);
        Assert.Equal(field, Assert.Single(ex.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field);
    }

    [Fact]
    public async Task Every_enum_out_of_range_is_invalid_argument_naming_its_field()
    {
        await AssertInvalidEnum("kind", () => Operator.ImportDisclosureAsync(new ImportDisclosureRequest
        {
            FileName = "a.csv", Content = ByteString.CopyFromUtf8("x"), Kind = (DisclosureKind)77,
        }).ResponseAsync);
        await AssertInvalidEnum("status", () => Operator.ListDisclosuresAsync(new ListDisclosuresRequest { Status = (RevisionStatus)77 }).ResponseAsync);
        await AssertInvalidEnum("outcome", () => Operator.ListUploadsAsync(new ListUploadsRequest { Outcome = (UploadOutcome)77 }).ResponseAsync);
        await AssertInvalidEnum("comparator", () => Operator.SearchIndicatorsAsync(new SearchIndicatorsRequest { Comparator = (Comparator)77 }).ResponseAsync);
        await AssertInvalidEnum("view", () => Operator.GetRevisionAsync(new GetRevisionRequest { Name = "disclosures/x/revisions/1", View = (RevisionView)77 }).ResponseAsync);
        await AssertInvalidEnum("format", () => Operator.ExportRevisionAsync(new ExportRevisionRequest { Name = "disclosures/x/revisions/1", Format = (ExportFormat)77 }).ResponseAsync);
        var deliveries = new DeliveryService.DeliveryServiceClient(server.Host.Invoker(TestKeys.Operator));
        await AssertInvalidEnum("state", () => deliveries.ListDeliveriesAsync(new ListDeliveriesRequest { State = (DeliveryState)77 }).ResponseAsync);
        await AssertInvalidEnum("outcome", () => deliveries.CompleteDeliveryAsync(new CompleteDeliveryRequest { Outcome = (DeliveryOutcome)77 }).ResponseAsync);
    }

    [Fact]
    public async Task An_error_about_a_100_KB_name_is_short_and_readable()
    {
        var name = "disclosures/" + new string('x', 100_000);
        var ex = await Assert.ThrowsAsync<RpcException>(() => Operator.GetDisclosureAsync(new GetDisclosureRequest { Name = name }).ResponseAsync);

        Assert.True(ex.StatusCode is StatusCode.InvalidArgument or StatusCode.NotFound, $"{ex.StatusCode}: {ex.Status.Detail}");
        Assert.True(ex.Status.Detail.Length < 500, $"the message has {ex.Status.Detail.Length} characters");
        var info = RpcAssert.ErrorInfo(ex);
        Assert.All(info.Metadata.Values, v => Assert.True(v.Length < 500, $"a metadata value has {v.Length} characters"));
    }

    [Fact]
    public async Task A_too_long_request_id_names_request_id()
    {
        var ex = await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => Operator.ImportDisclosureAsync(new ImportDisclosureRequest
        {
            FileName = "a.csv", Content = ByteString.CopyFromUtf8("x"), RequestId = new string('r', 200),
        }).ResponseAsync);
        Assert.Equal("request_id", Assert.Single(ex.GetRpcStatus()!.GetDetail<Google.Rpc.BadRequest>()!.FieldViolations).Field);
    }
}
