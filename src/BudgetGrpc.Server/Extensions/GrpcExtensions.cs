using Google.Protobuf.Reflection;
using Google.Rpc;
using BudgetGrpc.Server.Grpc;
using BudgetGrpc.Server.Health;
using BudgetGrpc.Server.Import;

namespace BudgetGrpc.Server.Extensions;

public static class GrpcExtensions
{
    public static IHostApplicationBuilder AddBudgetGrpc(this IHostApplicationBuilder builder)
    {
        // The one maximum file size (Limits:MaxFileBytes): the engine refuses larger files as FILE_TOO_LARGE, the frame
        // check refuses requests that cannot fit before reading them, the transports let a little more through.
        var limits = ImportLimits.From(builder.Configuration);
        builder.Services.AddOptions<ImportLimits>().BindConfiguration(ImportLimits.Section)
            .Validate(o => o.MaxFileBytes > 0 && o.LargeUploadConcurrency > 0, "Limits:MaxFileBytes and Limits:LargeUploadConcurrency must be positive")
            .ValidateOnStart();
        builder.Services.AddSingleton(new Engine.EngineLimits { MaxFileBytes = limits.MaxFileBytes });
        builder.Services.AddSingleton<LargeUploadGate>();
        builder.Services.AddSingleton<StorageHealth>();
        builder.Services.AddGrpc(o =>
            {
                // Outermost first: metrics see the status the exception mapping produced; enum checks run inside it.
                o.Interceptors.Add<MetricsInterceptor>();
                o.Interceptors.Add<ExceptionMappingInterceptor>();
                o.Interceptors.Add<EnumRangeInterceptor>();
                o.EnableDetailedErrors = builder.Environment.IsDevelopment();
                o.MaxReceiveMessageSize = limits.TransportBytes;
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
        app.UseMiddleware<ImportFrameCheck>();
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
