using Google.Protobuf.Reflection;
using Google.Rpc;
using BudgetGrpc.Server.Grpc;
using BudgetGrpc.Server.Health;

namespace BudgetGrpc.Server.Extensions;

public static class GrpcExtensions
{
    /// <summary>Largest request accepted; above the engine's 32 MiB file limit so that limit answers with its own reason.</summary>
    private const int MaxReceiveMessageBytes = 48 * 1024 * 1024;

    public static IHostApplicationBuilder AddBudgetGrpc(this IHostApplicationBuilder builder)
    {
        builder.Services.AddGrpc(o =>
            {
                // Outermost first: metrics see the status the exception mapping produced.
                o.Interceptors.Add<MetricsInterceptor>();
                o.Interceptors.Add<ExceptionMappingInterceptor>();
                o.EnableDetailedErrors = builder.Environment.IsDevelopment();
                o.MaxReceiveMessageSize = MaxReceiveMessageBytes;
            })
            // Errors carry google.rpc.ErrorInfo / BadRequest details; the JSON writer must know their types, or an
            // error over plain HTTP turns into a 500 while it is being written.
            .AddJsonTranscoding(o =>
            {
                o.TypeRegistry = TypeRegistry.FromMessages(ErrorInfo.Descriptor, BadRequest.Descriptor);
                // The proto3 JSON mapping writes 64-bit integers as strings (what buf curl and other protobuf JSON
                // clients send and expect); JavaScript numbers lose digits above 2^53.
                o.JsonSettings.WriteInt64sAsStrings = true;
            });
        builder.Services.AddOptions<RevisionCacheOptions>().BindConfiguration(RevisionCacheOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<RevisionCache>();
        builder.Services.AddGrpcReflection();
        builder.Services.AddGrpcHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return builder;
    }

    public static WebApplication MapBudgetGrpc(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGrpcService<DisclosureGrpcService>();
        app.MapGrpcService<DiagnosticsGrpcService>();
        app.MapGrpcService<DeliveryGrpcService>();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        app.MapGrpcReflectionService().AllowAnonymous();
        return app;
    }
}
