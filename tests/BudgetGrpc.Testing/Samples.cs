namespace BudgetGrpc.Data.Tests.Infrastructure;

/// <summary>
/// tests/samples as every test sees them: copied next to each assembly that references the kit (its csproj does it,
/// once). The namespace is the one the storage tests gave it first.
/// </summary>
public static class Samples
{
    public static string Folder { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "samples");

    /// <summary>A sample, or a file under a samples subfolder: <c>Path("expected", "x.gold.json")</c>.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Folder, .. parts]);
}
