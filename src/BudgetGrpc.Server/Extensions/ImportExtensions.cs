using BudgetGrpc.Server.Import;

namespace BudgetGrpc.Server.Extensions;

public static class ImportExtensions
{
    /// <summary>The import and reprocess services (scoped, over the request's context); needs <c>AddBudgetData</c>.</summary>
    public static IHostApplicationBuilder AddBudgetImport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ImportService>();
        builder.Services.AddScoped<ReprocessService>();
        return builder;
    }
}
