using BudgetGrpc.Conversion;
using BudgetGrpc.Engine;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Server.Extensions;

public static class ConversionExtensions
{
    /// <summary>
    /// The converter the engine hands legacy .doc/.wps/RTF to (section "Conversion", see docs/engine.md). Registered
    /// before the engine, which takes it when present; a server without LibreOffice answers CONVERTER_UNAVAILABLE
    /// for those files and reads every other format as before.
    /// </summary>
    public static IHostApplicationBuilder AddBudgetConversion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<LibreOfficeOptions>()
            .BindConfiguration(LibreOfficeOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton<IDocumentConverter>(sp =>
            new LibreOfficeConverter(sp.GetRequiredService<IOptions<LibreOfficeOptions>>().Value));
        return builder;
    }
}
