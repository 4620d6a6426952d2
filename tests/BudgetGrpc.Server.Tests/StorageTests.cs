using BudgetGrpc.Server.Import;
using BudgetGrpc.Server.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HealthClient = Grpc.Health.V1.Health.HealthClient;

namespace BudgetGrpc.Server.Tests;

/// <summary>A full disk or database is told apart from other failures, reported by health, and recovered from.</summary>
public sealed class StorageTests
{
    [Fact]
    public async Task A_full_sqlite_database_is_recognised_as_storage_full()
    {
        var file = Path.Combine(Path.GetTempPath(), $"budget-full-{Guid.NewGuid():N}.db");
        try
        {
            await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size=512; CREATE TABLE t (b BLOB); PRAGMA max_page_count=8;";
            await command.ExecuteNonQueryAsync();
            command.CommandText = "INSERT INTO t VALUES (zeroblob(100000));";
            var full = await Assert.ThrowsAsync<SqliteException>(() => command.ExecuteNonQueryAsync());

            Assert.True(StorageHealth.IsFull(new InvalidOperationException("wrapped", full)));
            Assert.False(StorageHealth.IsFull(new SqliteException("constraint", 19)));
            Assert.True(StorageHealth.IsFull(new IOException("No space left on device", 28)));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Health_is_not_serving_while_storage_is_full_and_serving_again_once_there_is_room()
    {
        await using var host = await BudgetServerHost.StartAsync(kestrel: false, seed: false);
        var health = new HealthClient(host.Channel);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);

        var storage = host.Services.GetRequiredService<StorageHealth>();
        storage.WriteFailed("No space left on device");
        // The data folder is writable again: the check probes it and serves.
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
        Assert.Null(storage.Full);

        // With no room (the folder gone, standing for a full disk) it stays NOT_SERVING.
        Directory.Delete(host.Folder, recursive: true);
        await File.WriteAllTextAsync(host.Folder, "not a folder");
        try
        {
            storage.WriteFailed("No space left on device");
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest())).Status);
        }
        finally
        {
            File.Delete(host.Folder);
            Directory.CreateDirectory(host.Folder);
        }
    }

    [Fact]
    public async Task Large_uploads_wait_for_a_place_and_are_refused_busy_after_the_wait()
    {
        using var gate = new LargeUploadGate(Options.Create(new ImportLimits { LargeUploadBytes = 1000, LargeUploadConcurrency = 1, LargeUploadWaitSeconds = 0 }));
        using (await gate.EnterAsync(10, default))
        using (await gate.EnterAsync(10, default)) { } // small files never wait

        using var first = await gate.EnterAsync(5000, default);
        var ex = await Assert.ThrowsAsync<RpcException>(() => gate.EnterAsync(5000, default));
        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Equal("SERVER_BUSY", RpcAssert.ErrorInfo(ex).Reason);
        first.Dispose();
        using var next = await gate.EnterAsync(5000, default);
    }
}
