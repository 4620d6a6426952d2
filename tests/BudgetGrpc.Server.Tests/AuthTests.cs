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

    [Theory]
    [InlineData(TestKeys.Reader, "importer", "the API key 'reader' lacks the role importer for this call")]
    [InlineData(TestKeys.AgriImporter, "operator", "the API key 'agri-importer' lacks the role operator for this call")]
    public async Task A_refused_call_names_the_key_and_the_role_it_lacks(string key, string needed, string message)
    {
        var client = server.Host.Client(key);
        var ex = await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => needed == "importer"
            ? client.ImportDisclosureAsync(SeedImport()).ResponseAsync
            : client.ReprocessRevisionsAsync(new ReprocessRevisionsRequest { All = true }).ResponseAsync);
        Assert.Equal(message, ex.Status.Detail);
    }

    [Theory]
    [InlineData(null, "API_KEY_MISSING", "an API key is required: send `authorization: Bearer <key>`")]
    [InlineData("Bearer not-a-configured-key", "API_KEY_INVALID", "the API key is not known")]
    [InlineData("Basic dGVzdA==", "API_KEY_INVALID", "the authorization header is not `Bearer <key>`")]
    [InlineData(TestKeys.Reader, "API_KEY_INVALID", "the authorization header is not `Bearer <key>`")]
    public async Task An_unauthenticated_call_says_what_was_wrong_with_its_header(string? header, string reason, string message)
    {
        var headers = new Metadata();
        if (header is not null) headers.Add("authorization", header);
        var ex = await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () =>
            server.Host.Client(null).ListDisclosuresAsync(AnyList, headers).ResponseAsync);
        Assert.Equal((reason, message), (RpcAssert.ErrorInfo(ex).Reason, ex.Status.Detail));
    }

    [Theory]
    [InlineData("bearer " + TestKeys.Reader)]
    [InlineData("BEARER   " + TestKeys.Reader + "  ")]
    public async Task The_bearer_scheme_is_case_insensitive_and_the_key_is_trimmed(string header)
    {
        var page = await server.Host.Client(null).ListDisclosuresAsync(AnyList, new Metadata { { "authorization", header } });
        Assert.Single(page.Disclosures);
    }

    /// <summary>
    /// What any gRPC client sees on the wire (grpc-go, for one, refuses a response whose content type is not gRPC's):
    /// a trailers-only response, HTTP 200, application/grpc, the status code, the escaped message and the rich status.
    /// </summary>
    [Fact]
    public async Task A_refused_gRPC_call_is_a_trailers_only_gRPC_response()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/budget.v1.DisclosureService/ListDisclosures")
        {
            Version = System.Net.HttpVersion.Version20,
            Content = new ByteArrayContent([0, 0, 0, 0, 0]),
        };
        request.Content.Headers.ContentType = new("application/grpc");
        using var response = await server.Host.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/grpc", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("16", response.Headers.GetValues("grpc-status").Single());
        const string message = "an API key is required: send `authorization: Bearer <key>`";
        Assert.Equal(Uri.EscapeDataString(message), response.Headers.GetValues("grpc-message").Single());
        var status = Google.Rpc.Status.Parser.ParseFrom(Convert.FromBase64String(response.Headers.GetValues("grpc-status-details-bin").Single()));
        Assert.Equal((16, message), (status.Code, status.Message));
        Assert.Equal("API_KEY_MISSING", status.Details.Single().Unpack<Google.Rpc.ErrorInfo>().Reason);
    }

    /// <summary>Some HTTP clients send a content type on every request, GETs included: the JSON port still answers in JSON.</summary>
    [Fact]
    public async Task A_JSON_call_with_a_content_type_is_refused_in_JSON()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/disclosures")
        {
            Content = new StringContent("", System.Text.Encoding.UTF8, "application/json"),
        };
        using var response = await server.Host.Http.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(16, json.RootElement.GetProperty("code").GetInt32());
    }

    /// <summary>Each mistake in a configured key stops the start with a message naming the key's place and the setting.</summary>
    [Theory]
    [InlineData("no name", "Auth:Keys:4:Name is required")]
    [InlineData("duplicate name", "Auth:Keys:4:Name 'reader' is used by two keys")]
    [InlineData("short hash", "Auth:Keys:4:KeyHash must be 64 hex digits (SHA-256 of the key)")]
    [InlineData("non-hex hash", "Auth:Keys:4:KeyHash must be 64 hex digits (SHA-256 of the key)")]
    [InlineData("duplicate hash", "Auth:Keys:4:KeyHash is used by two keys")]
    [InlineData("no role", "Auth:Keys:4:Roles needs at least one of reader, importer, operator")]
    [InlineData("importer without departments", "Auth:Keys:4:Departments must list the departments the importer may import for, or \"*\"")]
    public async Task A_misconfigured_key_stops_the_server_at_start_saying_which_and_why(string mistake, string message)
    {
        var key = new Dictionary<string, string?>
        {
            ["Auth:Keys:4:Name"] = "extra",
            ["Auth:Keys:4:KeyHash"] = ApiKeyRegistry.Hash("extra-key"),
            ["Auth:Keys:4:Roles:0"] = "reader",
        };
        switch (mistake)
        {
            case "no name": key.Remove("Auth:Keys:4:Name"); break;
            case "duplicate name": key["Auth:Keys:4:Name"] = "reader"; break;
            case "short hash": key["Auth:Keys:4:KeyHash"] = ApiKeyRegistry.Hash("extra-key")[1..]; break;
            case "non-hex hash": key["Auth:Keys:4:KeyHash"] = "g" + ApiKeyRegistry.Hash("extra-key")[1..]; break;
            // Hashes compare case-insensitively: the reader's hash in capitals is the reader's key.
            case "duplicate hash": key["Auth:Keys:4:KeyHash"] = ApiKeyRegistry.Hash(TestKeys.Reader).ToUpperInvariant(); break;
            case "no role": key.Remove("Auth:Keys:4:Roles:0"); break;
            case "importer without departments": key["Auth:Keys:4:Roles:0"] = "importer"; break;
        }
        var ex = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() =>
            BudgetServerHost.StartAsync(kestrel: false, seed: false, key));
        Assert.Equal(message, Assert.Single(ex.Failures));
    }

    [Fact]
    public async Task An_operator_needs_no_department_list()
    {
        await using var host = await BudgetServerHost.StartAsync(kestrel: false, seed: false, new Dictionary<string, string?>
        {
            ["Auth:Keys:4:Name"] = "second-operator",
            ["Auth:Keys:4:KeyHash"] = ApiKeyRegistry.Hash("second-operator-key"),
            ["Auth:Keys:4:Roles:0"] = "importer",
            ["Auth:Keys:4:Roles:1"] = "operator",
        });
        var uploads = await host.Client("second-operator-key").ListUploadsAsync(new ListUploadsRequest());
        Assert.Empty(uploads.Uploads);
    }

    private static ImportDisclosureRequest SeedImport() => new()
    {
        FileName = "000_c21431a6439d21ac.txt",
        Content = ByteString.CopyFrom(File.ReadAllBytes(BudgetServerHost.Sample("000_c21431a6439d21ac.txt"))),
    };
}
