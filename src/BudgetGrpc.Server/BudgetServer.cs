using BudgetGrpc.Data;
using BudgetGrpc.Server.Extensions;

namespace BudgetGrpc.Server;

/// <summary>Builds the server; Program.cs runs it, tests build it with their own settings (TestServer or Kestrel).</summary>
public static class BudgetServer
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // appsettings*.json sit next to the assembly; relative paths in settings (./data, tests/samples)
        // stay relative to the working directory, which `dotnet run` sets to the repository root.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        // Under systemd (Type=notify: ready once listening, stopping on SIGTERM) or as a Windows service; no-ops elsewhere.
        builder.Services.AddSystemd();
        builder.Services.AddWindowsService();
        builder.AddBudgetKestrel();
        builder.AddBudgetConversion();
        builder.AddBudgetData();
        builder.AddBudgetImport();
        builder.AddBudgetAuth();
        builder.AddBudgetGrpc();
        builder.AddBudgetObservability();
        builder.AddBudgetSeeding();
        builder.AddBudgetDelivery();
        // The single box (server + folder import + deliveries in one process) is src/BudgetGrpc.Host.

        var app = builder.Build();
        app.MapBudgetGrpc();
        return app;
    }
}
