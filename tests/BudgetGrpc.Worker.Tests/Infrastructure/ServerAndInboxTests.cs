namespace BudgetGrpc.Worker.Tests.Infrastructure;

/// <summary>
/// Base of the tests that run the worker against a real server: each test gets its own inbox folder tree and a
/// loopback server whose SQLite file lives inside it.
/// </summary>
public abstract class ServerAndInboxTests : IAsyncLifetime
{
    protected readonly Inbox inbox = new();
    protected LoopbackServer server = null!;

    public virtual async Task InitializeAsync() => server = await LoopbackServer.StartAsync(Path.Combine(inbox.Root, "server"));

    public virtual async Task DisposeAsync()
    {
        await server.DisposeAsync();
        inbox.Dispose();
    }
}
