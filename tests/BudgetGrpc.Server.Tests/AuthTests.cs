using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Server.Auth;
using BudgetGrpc.Server.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using HealthClient = Grpc.Health.V1.Health.HealthClient;
using Grpc.Reflection.V1Alpha;

namespace BudgetGrpc.Server.Tests;

/// <summary>Every role against the calls it may and may not make.</summary>
public sealed class AuthTests(InProcessServer server) : IClassFixture<InProcessServer>
{
    private static ListDisclosuresRequest AnyList => new() { PageSize = 1 };

    [Fact]
    public async Task A_call_without_a_key_is_unauthenticated_with_the_reason()
    {
        var ex = await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () =>
            server.Host.Client(null).ListDisclosuresAsync(AnyList).ResponseAsync);
        Assert.Equal("API_KEY_MISSING", RpcAssert.ErrorInfo(ex).Reason);
    }

    [Fact]
    public async Task An_unknown_key_is_unauthenticated_with_the_reason()
    {
        var ex = await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () =>
            server.Host.Client("not-a-configured-key").ListDisclosuresAsync(AnyList).ResponseAsync);
        Assert.Equal("API_KEY_INVALID", RpcAssert.ErrorInfo(ex).Reason);
    }

    [Fact]
    public async Task Echo_needs_a_key_too()
    {
        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () =>
            server.Host.Diagnostics(null).EchoAsync(new EchoRequest()).ResponseAsync);
    }

    [Theory]
    [InlineData(TestKeys.Reader)]
    [InlineData(TestKeys.AgriImporter)]
    [InlineData(TestKeys.Operator)]
    public async Task Every_role_may_read(string key)
    {
        var page = await server.Host.Client(key).ListDisclosuresAsync(AnyList);
        Assert.Single(page.Disclosures);
    }

    [Fact]
    public async Task A_reader_may_not_import()
    {
        var ex = await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () =>
            server.Host.Client(TestKeys.Reader).ImportDisclosureAsync(SeedImport()).ResponseAsync);
        Assert.Equal("ROLE_REQUIRED", RpcAssert.ErrorInfo(ex).Reason);
    }

    [Fact]
    public async Task An_importer_may_import_for_its_department()
    {
        var response = await server.Host.Client(TestKeys.MenyuanImporter).ImportDisclosureAsync(SeedImport());
        // The seed was imported at start: the same bytes are the same revision.
        Assert.Equal(ImportOutcome.Unchanged, response.Outcome);
        Assert.Equal(TestKeys.MenyuanDepartment, response.Revision.Department);
    }

    [Fact]
    public async Task An_importer_may_not_import_for_another_department_and_the_attempt_is_recorded()
    {
        var ex = await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () =>
            server.Host.Client(TestKeys.AgriImporter).ImportDisclosureAsync(SeedImport()).ResponseAsync);
        var info = RpcAssert.ErrorInfo(ex);
        Assert.Equal("FORBIDDEN_DEPARTMENT", info.Reason);

        var uploads = await server.Host.Client(TestKeys.Operator).ListUploadsAsync(new ListUploadsRequest { Outcome = UploadOutcome.Forbidden, PageSize = 100 });
        Assert.Contains(uploads.Uploads, u => u.Name == info.Metadata["upload"] && u.FileName == "000_c21431a6439d21ac.txt");
    }

    [Theory]
    [InlineData(TestKeys.Reader)]
    [InlineData(TestKeys.AgriImporter)]
    public async Task Only_an_operator_may_reprocess_or_list_uploads(string key)
    {
        var client = server.Host.Client(key);
        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () =>
            client.ReprocessRevisionsAsync(new ReprocessRevisionsRequest { All = true }).ResponseAsync);
        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () =>
            client.ListUploadsAsync(new ListUploadsRequest()).ResponseAsync);
    }

    [Fact]
    public async Task An_operator_may_list_uploads()
    {
        var uploads = await server.Host.Client(TestKeys.Operator).ListUploadsAsync(new ListUploadsRequest { PageSize = 100 });
        // The seed imports one file per disclosure: five.
        Assert.True(uploads.Uploads.Count >= 5, "every seeded disclosure left an upload record");
    }

    [Fact]
    public async Task Health_and_reflection_need_no_key()
    {
        var health = await new HealthClient(server.Host.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);

        var reflection = new ServerReflection.ServerReflectionClient(server.Host.Channel);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("budget.v1.DisclosureService", services);
        Assert.Contains("budget.v1.DiagnosticsService", services);
    }

    [Fact]
    public void Key_hashes_are_what_sha256sum_prints()
    {
        // echo -n example-reader-key | sha256sum
        Assert.Equal("5aa65056335354891592db166926d6f9fad7c9288e399c8d0b310a4f21791644", ApiKeyRegistry.Hash("example-reader-key"));
    }

    [Fact]
    public async Task A_key_with_an_unknown_role_stops_the_server_at_start()
    {
        var ex = await Assert.ThrowsAnyAsync<Exception>(() => BudgetServerHost.StartAsync(kestrel: false, seed: false,
        [
            new("Auth:Keys:9:Name", "typo"),
            new("Auth:Keys:9:KeyHash", ApiKeyRegistry.Hash("typo")),
            new("Auth:Keys:9:Roles:0", "admin"),
        ]));
        Assert.Contains("admin", ex.Message);
    }

    private static ImportDisclosureRequest SeedImport() => new()
    {
        FileName = "000_c21431a6439d21ac.txt",
        Content = ByteString.CopyFrom(File.ReadAllBytes(BudgetServerHost.Sample("000_c21431a6439d21ac.txt"))),
    };
}
