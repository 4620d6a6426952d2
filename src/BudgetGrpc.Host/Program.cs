using BudgetGrpc.Server.Extensions;
using BudgetGrpc.SingleBox;

var app = BudgetHost.Build(args);
if (StartupChecks.Problem(app) is { } problem)
{
    Console.Error.WriteLine(problem);
    return StartupChecks.ConfigurationExitCode;
}
if (StartupChecks.DataFolderProblem(app) is { } folderProblem)
{
    Console.Error.WriteLine(folderProblem);
    return StartupChecks.DataFolderExitCode;
}
await app.InitializeBudgetAsync();
await app.RunAsync();
return 0;
