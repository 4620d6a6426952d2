using BudgetGrpc.Data;
using BudgetGrpc.Engine;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Data.Tests.Infrastructure;

/// <summary>
/// Base of the storage tests. Each behaviour class is abstract and runs twice: once per subclass, on a SQLite file and
/// on the PostgreSQL cluster. Every test gets its own migrated database.
/// </summary>
public abstract class StoreBehaviour(Func<Task<TestDatabase>> createDatabase) : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await createDatabase();

    public async Task DisposeAsync() => await Database.DisposeAsync();

    /// <summary>Writes <paramref name="disclosure"/> as read from <see cref="TestDisclosures.Bytes"/>(<paramref name="variant"/>).</summary>
    protected async Task<RevisionWrite> WriteAsync(Disclosure disclosure, string variant, UploadRecord? upload = null)
    {
        await using var db = Database.CreateContext();
        return await TestDatabase.Writer(db).WriteAsync(TestDisclosures.Rows(disclosure, TestDisclosures.Bytes(variant)), upload, CancellationToken.None);
    }

    /// <summary>Writes a sample file as the engine reads it; the department from the file, else <paramref name="hint"/>.</summary>
    protected async Task<RevisionWrite> WriteFileAsync(string sampleName, string? hint = null)
    {
        var bytes = await File.ReadAllBytesAsync(Samples.Path(sampleName));
        var parsed = new DisclosureEngine().Parse(bytes, sampleName);
        Assert.True(parsed.Succeeded, $"{sampleName}: {parsed.Error}");
        await using var db = Database.CreateContext();
        return await TestDatabase.Writer(db).WriteAsync(TestDisclosures.Rows(parsed.Disclosure!, bytes, hint), null, CancellationToken.None);
    }

    protected async Task<T> WithStoreAsync<T>(Func<DisclosureStore, Task<T>> action)
    {
        await using var db = Database.CreateContext();
        return await action(TestDatabase.Store(db));
    }
}
