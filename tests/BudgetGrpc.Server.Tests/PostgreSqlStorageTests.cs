using BudgetGrpc.Data.Tests.Infrastructure;
using BudgetGrpc.Server.Import;
using BudgetGrpc.Server.Tests.Infrastructure;
using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using HealthClient = Grpc.Health.V1.Health.HealthClient;
using ServingStatus = Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus;

namespace BudgetGrpc.Server.Tests;

/// <summary>
/// After a full disk a server on PostgreSQL serves again on its own: the health check probes with a write that is rolled
/// back, and stays NOT_SERVING while that write fails.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgreSqlStorageTests(PostgresCluster cluster) : IAsyncLifetime
{
    private BudgetServerHost _host = null!;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _connectionString = await cluster.CreateDatabaseAsync();
        _host = await BudgetServerHost.StartAsync(kestrel: false, seed: false, extra:
        [
            new("Database:Provider", "PostgreSql"),
            new("Database:ConnectionString", _connectionString),
        ]);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Health_recovers_from_a_full_disk_by_probing_with_a_write_that_leaves_nothing()
    {
        var health = new HealthClient(_host.Channel);
        var storage = _host.Services.GetRequiredService<StorageHealth>();
        Assert.Equal(ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);

        // A write that cannot be made (the database turned read-only, standing for a full disk): NOT_SERVING, still full.
        var database = new NpgsqlConnectionStringBuilder(_connectionString).Database!;
        await ExecuteAsync($"ALTER DATABASE \"{database}\" SET default_transaction_read_only = on");
        NpgsqlConnection.ClearAllPools();
        storage.WriteFailed("could not extend file: No space left on device");
        Assert.Equal(ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest())).Status);
        Assert.NotNull(storage.Full);

        // Room again: the next check's probe succeeds and the server serves without any client having written.
        await ExecuteAsync($"ALTER DATABASE \"{database}\" SET default_transaction_read_only = off");
        NpgsqlConnection.ClearAllPools();
        Assert.Equal(ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
        Assert.Null(storage.Full);
        Assert.Equal(0L, await CountAsync("SELECT count(*) FROM \"Uploads\""));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
