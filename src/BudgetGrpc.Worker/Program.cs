using BudgetGrpc.Worker.Extensions;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.AddFolderImport();
builder.AddDelivery();
await builder.Build().RunAsync();
