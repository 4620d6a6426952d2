using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using BudgetGrpc.Server.Tests.Infrastructure;

namespace BudgetGrpc.Server.Tests;

/// <summary>What an operator meets first on the JSON port and at start: the traps a newcomer hit, one test each.</summary>
public sealed class OperatorTrapTests(InProcessServer server) : IClassFixture<InProcessServer>
{
    private async Task<(HttpStatusCode Status, string Body, HttpResponseMessage Response)> GetAsync(string path, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (key is not null) request.Headers.Authorization = new("Bearer", key);
        var response = await server.Host.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized, 16, "API_KEY_MISSING")]
    [InlineData("not-a-key", HttpStatusCode.Unauthorized, 16, "API_KEY_INVALID")]
    [InlineData(TestKeys.Reader, HttpStatusCode.Forbidden, 7, "ROLE_REQUIRED")]
    public async Task Refused_JSON_calls_carry_the_same_status_body_as_other_errors(string? key, HttpStatusCode status, int code, string reason)
    {
        // /v1/uploads needs an operator key: no key is 401, a reader's key 403.
        var (actual, body, response) = await GetAsync("/v1/uploads", key);
        using (response)
        {
            Assert.Equal(status, actual);
            Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
            if (status == HttpStatusCode.Unauthorized) Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
        using var json = JsonDocument.Parse(body);
        Assert.Equal(code, json.RootElement.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("message").GetString()), body);
        var detail = Assert.Single(json.RootElement.GetProperty("details").EnumerateArray());
        Assert.Equal("type.googleapis.com/google.rpc.ErrorInfo", detail.GetProperty("@type").GetString());
        Assert.Equal(reason, detail.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Int64_fields_are_strings_on_the_JSON_port_as_the_proto3_JSON_mapping_says()
    {
        var (status, body, response) = await GetAsync("/v1/uploads?pageSize=5", TestKeys.Operator);
        response.Dispose();
        Assert.Equal(HttpStatusCode.OK, status);
        using var json = JsonDocument.Parse(body);
        var uploads = json.RootElement.GetProperty("uploads").EnumerateArray().ToList();
        Assert.NotEmpty(uploads);
        Assert.All(uploads, u =>
        {
            var size = u.GetProperty("sizeBytes");
            Assert.Equal(JsonValueKind.String, size.ValueKind);
            Assert.True(long.Parse(size.GetString()!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        });
    }

    [Fact]
    public async Task A_port_in_use_ends_the_start_with_one_line_naming_the_port_and_the_setting_and_exit_2()
    {
        var serverDll = Path.Combine(AppContext.BaseDirectory, "BudgetGrpc.Server.dll");
        Assert.True(File.Exists(serverDll), $"{serverDll} is not next to the tests (the project reference copies it)");
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var folder = Path.Combine(Path.GetTempPath(), "budget-port-test-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder,
            };
            foreach (var arg in new[]
                     {
                         serverDll, "--environment", "Development",
                         $"--Server:GrpcUrl=http://127.0.0.1:{port}", "--Server:HttpUrl=",
                         $"--Database:ConnectionString=Data Source={Path.Combine(folder, "budget.db")}",
                     })
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            finally
            {
                if (!process.HasExited) process.Kill(entireProcessTree: true);
            }

            var output = (await stdout) + (await stderr);
            Assert.True(process.ExitCode == 2, $"exit {process.ExitCode}: {output}");
            var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Contains($"port {port}", line);
            Assert.Contains("Server:GrpcUrl", line);
            Assert.DoesNotContain("   at ", output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
