using BudgetGrpc.Worker.Extensions;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
// Under systemd (Type=notify) or as a Windows service; no-ops elsewhere.
builder.Services.AddSystemd();
builder.Services.AddWindowsService();
builder.AddFolderImport();
builder.AddDelivery();
await builder.Build().RunAsync();
