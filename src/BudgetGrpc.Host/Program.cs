using BudgetGrpc.Server.Extensions;
using BudgetGrpc.SingleBox;

var app = BudgetHost.Build(args);
if (StartupChecks.Refusal(app) is { } refusal)
{
    Console.Error.WriteLine(refusal.Message);
    return refusal.ExitCode;
}
await app.InitializeBudgetAsync();
await app.RunAsync();
return 0;
