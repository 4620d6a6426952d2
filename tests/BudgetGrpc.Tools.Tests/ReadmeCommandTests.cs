using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Tools.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Xunit;

namespace BudgetGrpc.Tools.Tests;

/// <summary>
/// The calls README.md shows, read from README.md itself and run against a server seeded with the samples, as a
/// newcomer runs them after the first command: edit the README's examples and these follow.
/// </summary>
public sealed class ReadmeCommandTests(SeededServerFixture server) : IClassFixture<SeededServerFixture>
{
    private static readonly Lazy<string> Readme = new(() => File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md")));

    /// <summary>The folder holding BudgetGrpc.sln above the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "BudgetGrpc.sln"))) return folder.FullName;
        throw new InvalidOperationException($"no BudgetGrpc.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>The shell lines of the README's code blocks, continuation lines joined, comments after # left out.</summary>
    private static List<string> Commands()
    {
        var lines = new List<string>();
        var inBlock = false;
        var pending = "";
        foreach (var raw in Readme.Value.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inBlock = !inBlock;
                continue;
            }
            if (!inBlock || line.TrimStart().StartsWith('#')) continue;
            var comment = line.IndexOf("  #", StringComparison.Ordinal);
            if (comment >= 0) line = line[..comment];
            if (line.EndsWith('\\'))
            {
                pending += line[..^1].Trim() + " ";
                continue;
            }
            lines.Add((pending + line.Trim()).Trim());
            pending = "";
        }
        return lines;
    }

    private static List<string> CurlCalls() => Commands().Where(c => c.Contains("curl", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task The_first_call_shown_is_the_health_check_and_it_answers_SERVING()
    {
        var first = CurlCalls().First();
        Assert.EndsWith("/grpc.health.v1.Health/Check", first);
        // No key: a stopped server shows at once as a refused connection, a running one as SERVING.
        Assert.DoesNotContain("authorization", first);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task The_curl_example_lists_the_seeded_disclosures_on_the_JSON_port()
    {
        var call = Assert.Single(CurlCalls(), c => c.StartsWith("curl ", StringComparison.Ordinal));
        var url = new Uri(Regex.Match(call, "\"(http://[^\"]+)\"").Groups[1].Value);
        var key = Regex.Match(call, "Bearer ([a-z-]+)").Groups[1].Value;
        Assert.Equal("example-reader-key", key);

        using var request = new HttpRequestMessage(HttpMethod.Get, url.PathAndQuery);
        request.Headers.Authorization = new("Bearer", BudgetServerFixture.ReaderKey);
        using var response = await server.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        Assert.NotEqual(0, json.RootElement.GetProperty("disclosures").GetArrayLength());
    }

    [Fact]
    public async Task The_buf_curl_search_example_finds_indicators_in_the_samples()
    {
        var call = Assert.Single(CurlCalls(), c => c.EndsWith("/budget.v1.DisclosureService/SearchIndicators", StringComparison.Ordinal));
        var body = Regex.Match(call, "-d '([^']+)'").Groups[1].Value;
        // buf curl sends the body through the proto3 JSON mapping; so does this parser.
        var request = JsonParser.Default.Parse<SearchIndicatorsRequest>(body);
        using var channel = GrpcChannel.ForAddress(server.Address);
        var headers = new Metadata { { "authorization", $"Bearer {BudgetServerFixture.ReaderKey}" } };

        var page = await new DisclosureService.DisclosureServiceClient(channel).SearchIndicatorsAsync(request, headers);

        Assert.NotEmpty(page.Hits);
        Assert.All(page.Hits, h => Assert.Equal(request.Level1, h.Indicator.Level1));
    }

    [Fact]
    public async Task The_console_search_example_finds_indicators_in_the_samples()
    {
        var line = Assert.Single(Commands(), c => c.StartsWith("budget search --level1", StringComparison.Ordinal));
        var args = line["budget ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var run = await server.RunAsync(BudgetServerFixture.ReaderKey, [.. args, "--format", "json"]);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.ToString());
        Assert.NotEqual(0, run.Json().GetProperty("hits").GetArrayLength());
    }
}
