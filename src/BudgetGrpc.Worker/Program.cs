using BudgetGrpc.Worker.Extensions;
using BudgetGrpc.Worker.Observability;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
// Under systemd (Type=notify) or as a Windows service; no-ops elsewhere.
builder.Services.AddSystemd();
builder.Services.AddWindowsService();
builder.AddFolderImport();
builder.AddDelivery();
builder.AddWorkerTelemetry(export: true);
await builder.Build().RunAsync();
