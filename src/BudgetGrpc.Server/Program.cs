using BudgetGrpc.Server;
using BudgetGrpc.Server.Extensions;

var app = BudgetServer.Build(args);
if (StartupChecks.Refusal(app) is { } refusal)
{
    Console.Error.WriteLine(refusal.Message);
    return refusal.ExitCode;
}
await app.InitializeBudgetAsync();
await app.RunAsync();
return 0;
