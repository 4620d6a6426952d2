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

    protected async Task<ImportOutcome> ImportAsync(Disclosure disclosure, ImportCommand command, Func<string, bool>? mayImport = null)
    {
        await using var db = Database.CreateContext();
        return await TestDatabase.Store(db).ImportAsync(command, () => ParseResult.Ok(disclosure), mayImport, CancellationToken.None);
    }

    protected async Task<ImportOutcome> ImportFileAsync(string sampleName, string? hint = null, DisclosureEngine? engine = null)
    {
        var bytes = await File.ReadAllBytesAsync(Samples.Path(sampleName));
        await using var db = Database.CreateContext();
        return await TestDatabase.Store(db, engine).ImportAsync(new ImportCommand(sampleName, bytes, hint), null, CancellationToken.None);
    }

    protected async Task<T> WithStoreAsync<T>(Func<DisclosureStore, Task<T>> action, DisclosureEngine? engine = null)
    {
        await using var db = Database.CreateContext();
        return await action(TestDatabase.Store(db, engine));
    }
}
