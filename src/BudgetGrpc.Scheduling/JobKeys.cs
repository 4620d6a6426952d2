using Quartz;

namespace BudgetGrpc.Scheduling;

/// <summary>The names of the worker's jobs in the store, known to the worker that runs them and the console that asks.</summary>
public static class JobKeys
{
    public static readonly JobKey FolderImport = new("folder-import", "budget");
}
