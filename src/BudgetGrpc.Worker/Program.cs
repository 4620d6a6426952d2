using BudgetGrpc.Worker.Extensions;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddFolderImport();
await builder.Build().RunAsync();
