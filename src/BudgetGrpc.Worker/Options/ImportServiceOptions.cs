using System.ComponentModel.DataAnnotations;

namespace BudgetGrpc.Worker.Options;

/// <summary>
/// Section "Worker:Server": the gRPC service the worker imports into. The key comes from configuration or the
/// environment (Worker__Server__ApiKey), never from a committed file.
/// </summary>
public sealed class ImportServiceOptions
{
    public const string Section = "Worker:Server";

    /// <summary>The server's HTTP/2 gRPC endpoint, e.g. http://127.0.0.1:5080.</summary>
    [Required, Url]
    public string Url { get; set; } = "http://127.0.0.1:5080";

    /// <summary>An importer key for the departments served (or an operator key); sent as `authorization: Bearer KEY`.</summary>
    [Required(AllowEmptyStrings = false)]
    public string ApiKey { get; set; } = "";
}
