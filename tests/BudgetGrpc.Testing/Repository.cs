namespace BudgetGrpc.Testing;

/// <summary>The checkout the tests run from, for tests that read or build its files.</summary>
public static class Repository
{
    /// <summary>The folder of BudgetGrpc.sln above the test assembly.</summary>
    public static string Root
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
                if (File.Exists(Path.Combine(folder.FullName, "BudgetGrpc.sln"))) return folder.FullName;
            throw new InvalidOperationException($"the repository root (BudgetGrpc.sln) is not above {AppContext.BaseDirectory}");
        }
    }
}
