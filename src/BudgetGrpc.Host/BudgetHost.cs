using BudgetGrpc.Server;
using BudgetGrpc.Worker.Extensions;
using BudgetGrpc.Worker.Observability;

namespace BudgetGrpc.SingleBox;

/// <summary>
/// The single box: the server as <see cref="BudgetServer.Build"/> makes it, plus the folder import and the delivery
/// jobs in the same process. The jobs call the server they run in: their server address is the box's own gRPC
/// address (Server:GrpcUrl), whatever Worker:Server:Url and Delivery:ServerUrl say, so changing the documented port
/// settings moves the whole box and two boxes on one machine never cross.
/// </summary>
public static class BudgetHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        BudgetServer.Build(args, builder =>
        {
            configure?.Invoke(builder);
            var self = SelfAddress(builder.Configuration["Server:GrpcUrl"] ?? "http://127.0.0.1:5080");
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Worker:Server:Url"] = self,
                ["Delivery:ServerUrl"] = self,
            });
            builder.AddFolderImport();
            builder.AddDelivery();
            // The server's OpenTelemetry export (when configured) carries the jobs' traces and metrics too.
            builder.AddWorkerTelemetry(export: false);
        });

    /// <summary>The address a job in this process dials: a wildcard listen address (0.0.0.0, [::], *, +) becomes loopback.</summary>
    internal static string SelfAddress(string listenUrl)
    {
        var wildcard = listenUrl.Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(wildcard, UriKind.Absolute, out var uri)) return listenUrl;
        var host = uri.Host is "0.0.0.0" ? "127.0.0.1" : uri.Host is "[::]" or "::" ? "[::1]" : uri.Host;
        return $"{uri.Scheme}://{host}:{uri.Port}";
    }
}
