using BudgetGrpc.Contracts;
using BudgetGrpc.Contracts.Client;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Tools;
using BudgetGrpc.Worker.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;

namespace BudgetGrpc.Worker.Tests;

/// <summary>
/// The contracts' client kit against a real server, and the one maximum file size on the client side: the worker parks
/// an over-size file without sending it, the console refuses it before reading it.
/// </summary>
public sealed class ClientKitTests : ServerAndInboxTests
{
    [Fact]
    public async Task A_channel_from_the_kit_carries_the_key_and_a_refusal_unpacks_to_its_reason_and_field()
    {
        using var withKey = BudgetChannel.Create(new Uri(server.Url), LoopbackServer.ImporterKey);
        var client = new DisclosureService.DisclosureServiceClient(withKey);
        var refused = await Assert.ThrowsAsync<RpcException>(() => client.ImportDisclosureAsync(new ImportDisclosureRequest
        {
            FileName = "坏.xlsx",
            Content = ByteString.CopyFrom([0x50, 0x4b, 1, 2]),
            DepartmentHint = "样例县农业农村局",
            RequestId = RequestIds.ForImport("00", RequestIds.NewRun(), "样例县农业农村局", false),
        }).ResponseAsync);
        var failure = RpcFailure.From(refused);

        Assert.Equal(StatusCode.InvalidArgument, failure.Code);
        Assert.Equal("INVALID_ARGUMENT", failure.CodeName);
        // Whatever the engine makes of these bytes, the reason is one the kit names.
        Assert.Contains(failure.Reason, typeof(ErrorReasons).GetFields().Select(f => f.GetValue(null) as string));
        Assert.False(failure.IsTransient);
        Assert.False(failure.RefusesTheKey);

        using var withoutKey = BudgetChannel.Create(new Uri(server.Url), null);
        var anonymous = await Assert.ThrowsAsync<RpcException>(() =>
            new DisclosureService.DisclosureServiceClient(withoutKey).ListDisclosuresAsync(new ListDisclosuresRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.True(RpcFailure.From(anonymous).RefusesTheKey);
    }

    [Fact]
    public void The_request_id_rule_repeats_within_a_run_and_differs_for_another_run_content_hint_or_validate_only()
    {
        var run = RequestIds.NewRun();
        var id = RequestIds.ForImport("ab12", run, "教育局", false);

        Assert.Equal(id, RequestIds.ForImport("ab12", run, "教育局", false));
        Assert.True(Guid.TryParse(id, out var guid));
        Assert.Equal(8, guid.Version);
        Assert.Equal(4, new[]
        {
            RequestIds.ForImport("ab12", RequestIds.NewRun(), "教育局", false),
            RequestIds.ForImport("ab13", run, "教育局", false),
            RequestIds.ForImport("ab12", run, "农业农村局", false),
            RequestIds.ForImport("ab12", run, "教育局", true),
        }.Append(id).Distinct().Count() - 1);
    }

    [Fact]
    public async Task The_worker_quarantines_a_file_over_the_one_maximum_size_without_sending_it()
    {
        var big = inbox.DropSample("样例县农业农村局", "yangli-2025-agri.xlsx");
        var settings = inbox.WorkerSettings(server.Url, LoopbackServer.ImporterKey);
        settings[FileLimits.MaxFileBytesKey] = (new FileInfo(big).Length - 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var worker = await WorkerHost.StartAsync(settings);

        var summary = await worker.RunNowAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, summary.Quarantined);
        Assert.Empty(await server.UploadsAsync());
        var report = File.ReadAllText(Assert.Single(inbox.FilesUnder(inbox.Quarantine), p => p.EndsWith(".error.json", StringComparison.Ordinal)));
        Assert.Contains(ErrorReasons.FileTooLarge, report);
        Assert.Contains(FileLimits.MaxFileBytesKey, report);
    }

    [Fact]
    public async Task A_file_the_server_refuses_as_too_large_before_reading_it_is_quarantined_not_retried()
    {
        // The server takes less than the worker (another setting on each side): its frame check answers
        // RESOURCE_EXHAUSTED FILE_TOO_LARGE, which is no reason to try again.
        await server.DisposeAsync();
        server = await LoopbackServer.StartAsync(Path.Combine(inbox.Root, "server-small"),
            extraSettings: _ => new() { [FileLimits.MaxFileBytesKey] = "1000" });
        inbox.Drop("样例县农业农村局", "大.xlsx", new byte[3 * 1024 * 1024]);
        await using var worker = await WorkerHost.StartAsync(inbox.WorkerSettings(server.Url, LoopbackServer.ImporterKey));

        var summary = await worker.RunNowAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, summary.Quarantined);
        Assert.Equal(0, summary.LeftForNextRun);
        var report = File.ReadAllText(Assert.Single(inbox.FilesUnder(inbox.Quarantine), p => p.EndsWith(".error.json", StringComparison.Ordinal)));
        Assert.Contains(ErrorReasons.FileTooLarge, report);
    }

    [Fact]
    public async Task The_console_refuses_a_file_over_the_maximum_size_before_sending_it()
    {
        var big = inbox.DropSample("样例县农业农村局", "yangli-2025-agri.xlsx");
        var variable = "Limits__MaxFileBytes";
        var before = Environment.GetEnvironmentVariable(variable);
        Environment.SetEnvironmentVariable(variable, (new FileInfo(big).Length - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            var output = new StringWriter();
            var exit = await BudgetCli.RunAsync(["import", big, "--format", "json", "--server", server.Url, "--api-key", LoopbackServer.ImporterKey],
                new CliConsole(output, new StringWriter(), interactive: false));

            Assert.Equal(ExitCodes.Findings, exit);
            Assert.Contains(ErrorReasons.FileTooLarge, output.ToString());
            Assert.Empty(await server.UploadsAsync());
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, before);
        }
    }
}
