using System.Diagnostics;
using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Data;
using BudgetGrpc.Server.Tests.Infrastructure;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BudgetGrpc.Server.Tests;

/// <summary>
/// The one maximum file size holds for every layer on a real Kestrel server; refused files keep hash, size and reason,
/// their bytes only within the quota; a data folder that cannot be written stops the start in one line.
/// </summary>
public sealed class ImportLimitTests
{
    private const int MiB = 1024 * 1024;

    private static ImportDisclosureRequest Junk(string name, int bytes, byte fill = 0)
    {
        var content = new byte[bytes];
        Array.Fill(content, fill);
        return new ImportDisclosureRequest { FileName = name, Content = ByteString.CopyFrom(content) };
    }

    [Fact]
    public async Task A_file_between_the_old_body_limit_and_32_MiB_reaches_the_service()
    {
        await using var host = await BudgetServerHost.StartAsync(kestrel: true, seed: false);
        // 31,000,000 bytes: over Kestrel's default 30,000,000-byte body limit, under the documented 32 MiB.
        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            host.Client(TestKeys.Operator).ImportDisclosureAsync(Junk("big.xlsx", 31_000_000)).ResponseAsync);
        Assert.True(ex.StatusCode == StatusCode.InvalidArgument, $"{ex.StatusCode}: {ex.Status.Detail}");
        Assert.NotEqual("FILE_TOO_LARGE", RpcAssert.ErrorInfo(ex).Reason);
    }

    [Fact]
    public async Task Over_the_configured_limit_is_file_too_large_just_over_and_far_over()
    {
        await using var host = await BudgetServerHost.StartAsync(kestrel: true, seed: false,
            extra: [new("Limits:MaxFileBytes", MiB.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        var client = host.Client(TestKeys.Operator);

        var justOver = await Assert.ThrowsAsync<RpcException>(() => client.ImportDisclosureAsync(Junk("over.csv", MiB + 10, (byte)'a')).ResponseAsync);
        Assert.Equal("FILE_TOO_LARGE", RpcAssert.ErrorInfo(justOver).Reason);
        Assert.Equal(StatusCode.ResourceExhausted, justOver.StatusCode);

        var farOver = await Assert.ThrowsAsync<RpcException>(() => client.ImportDisclosureAsync(Junk("far.csv", 4 * MiB, (byte)'a')).ResponseAsync);
        Assert.Equal("FILE_TOO_LARGE", RpcAssert.ErrorInfo(farOver).Reason);
        Assert.Equal(StatusCode.ResourceExhausted, farOver.StatusCode);
    }

    [Fact]
    public async Task Refused_files_keep_hash_size_and_reason_and_their_bytes_only_within_the_quota()
    {
        await using var host = await BudgetServerHost.StartAsync(kestrel: true, seed: false,
            extra: [new("Limits:RejectedContentQuotaBytes", "150000")]);
        var client = host.Client(TestKeys.Operator);
        for (var i = 0; i < 4; i++)
            await Assert.ThrowsAsync<RpcException>(() => client.ImportDisclosureAsync(Junk($"broken-{i}.xlsx", 60_000, (byte)(i + 1))).ResponseAsync);

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BudgetDbContext>();
        var uploads = await db.Uploads.AsNoTracking().OrderBy(u => u.Id)
            .Select(u => new { u.FileName, u.Sha256, u.SizeBytes, u.ErrorReason, Kept = u.Content == null ? 0 : u.Content.Length })
            .ToListAsync();
        Assert.Equal(4, uploads.Count);
        Assert.All(uploads, u => Assert.True(u.Sha256.Length == 64 && u.SizeBytes == 60_000 && u.ErrorReason is not null, u.ToString()));
        Assert.True(uploads.Sum(u => u.Kept) <= 150_000, $"{uploads.Sum(u => u.Kept)} bytes kept");
        Assert.Equal(60_000, uploads[^1].Kept); // the newest is kept, the oldest dropped first
        Assert.Equal(0, uploads[0].Kept);
    }

    [Fact]
    public async Task A_data_folder_that_cannot_be_written_stops_the_start_in_one_line_with_exit_code_74()
    {
        var blocker = Path.Combine(Path.GetTempPath(), $"budget-blocker-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(blocker, "a file where the data folder should be");
        try
        {
            var server = Path.Combine(AppContext.BaseDirectory, "BudgetGrpc.Server.dll");
            var start = new ProcessStartInfo("dotnet", [server]) { RedirectStandardError = true, RedirectStandardOutput = true };
            start.Environment["Database__Provider"] = "Sqlite";
            start.Environment["Database__ConnectionString"] = $"Data Source={Path.Combine(blocker, "data", "budget.db")}";
            start.Environment["Seed__SamplesFolder"] = "";
            start.Environment["DOTNET_ENVIRONMENT"] = "Development";
            start.Environment["Server__GrpcUrl"] = "http://127.0.0.1:0";
            start.Environment["Server__HttpUrl"] = "";
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);

            var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.True(process.ExitCode == 74, $"exit code {process.ExitCode}: {string.Join('\n', lines)}");
            var line = Assert.Single(lines);
            Assert.Contains(Path.Combine(blocker, "data"), line);
            Assert.Contains("Database:ConnectionString", line);
        }
        finally
        {
            File.Delete(blocker);
        }
    }
}
