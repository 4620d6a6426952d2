using BudgetGrpc.SingleBox;
using BudgetGrpc.Server.Extensions;

var app = BudgetHost.Build(args);
await app.InitializeBudgetAsync();
await app.RunAsync();
