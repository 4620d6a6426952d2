using BudgetGrpc.Server;
using BudgetGrpc.Server.Extensions;

var app = BudgetServer.Build(args);
await app.InitializeBudgetAsync();
await app.RunAsync();
