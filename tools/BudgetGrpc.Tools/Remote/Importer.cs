using System.Security.Cryptography;
using BudgetGrpc.Contracts;
using BudgetGrpc.Contracts.Client;
using BudgetGrpc.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;

namespace BudgetGrpc.Tools.Remote;

/// <summary>Sends files one at a time; a file the server refuses becomes a row, and the next file goes on.</summary>
internal sealed class Importer(DisclosureService.DisclosureServiceClient client, string? departmentHint, bool validateOnly, long? maxFileBytes = null)
{
    /// <summary>This run, for the request-id rule (<see cref="RequestIds"/>).</summary>
    private readonly string _run = RequestIds.NewRun();

    private readonly long _maxFileBytes = maxFileBytes ?? MaxFileBytesFromEnvironment();

    /// <summary>The maximum file size from the environment (Limits__MaxFileBytes), the server's own setting.</summary>
    public static long MaxFileBytesFromEnvironment() =>
        long.TryParse(Environment.GetEnvironmentVariable(FileLimits.MaxFileBytesKey.Replace(":", "__", StringComparison.Ordinal)), out var bytes) && bytes > 0
            ? bytes : FileLimits.DefaultMaxFileBytes;

    public async Task<ImportRow> ImportAsync(string path, CancellationToken cancellationToken)
    {
        var display = FileArguments.Display(path);
        byte[] content;
        try
        {
            // Refused before a byte is read: the server would answer FILE_TOO_LARGE after the whole upload.
            var size = new FileInfo(path).Length;
            if (size > _maxFileBytes) return ImportRow.TooLarge(display, size, _maxFileBytes);
            content = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ImportRow.NotRead(display, $"cannot read the file: {ex.Message}");
        }

        var request = new ImportDisclosureRequest
        {
            FileName = Path.GetFileName(path),
            Content = ByteString.CopyFrom(content),
            DepartmentHint = departmentHint ?? "",
            ValidateOnly = validateOnly,
            RequestId = RequestIds.ForImport(Convert.ToHexStringLower(SHA256.HashData(content)), _run, departmentHint ?? "", validateOnly),
        };
        try
        {
            var response = await client.ImportDisclosureAsync(request, cancellationToken: cancellationToken);
            return ImportRow.From(display, response, validateOnly);
        }
        catch (RpcException ex) when (RefusesThisFile(ex))
        {
            return ImportRow.Refused(display, ex);
        }
    }

    /// <summary>
    /// Refusals about the file itself (unreadable, wrong department, too large) leave the other files to try; a bad key,
    /// a key without the importer role or an unreachable server would fail every file alike, so they end the run.
    /// </summary>
    private static bool RefusesThisFile(RpcException ex) => ex.StatusCode switch
    {
        StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.NotFound or StatusCode.AlreadyExists
            or StatusCode.OutOfRange or StatusCode.ResourceExhausted or StatusCode.Aborted => true,
        StatusCode.PermissionDenied => RpcFailure.From(ex).Reason != ErrorReasons.RoleRequired,
        _ => false,
    };
}
