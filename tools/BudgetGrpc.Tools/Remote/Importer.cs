using System.Security.Cryptography;
using System.Text;
using BudgetGrpc.Contracts.V1;
using Google.Protobuf;
using Google.Rpc;
using Grpc.Core;

namespace BudgetGrpc.Tools.Remote;

/// <summary>Sends files one at a time; a file the server refuses becomes a row, and the next file goes on.</summary>
internal sealed class Importer(DisclosureService.DisclosureServiceClient client, string? departmentHint, bool validateOnly)
{
    /// <summary>
    /// The request_id of a file is derived from its SHA-256 and this run: the channel's retries resend the same id and
    /// the server answers them with the first outcome, while running the command again is a new request that the
    /// server answers by content (UNCHANGED), not a replay of what an earlier run was told.
    /// </summary>
    private readonly string _run = Guid.NewGuid().ToString("N");

    public async Task<ImportRow> ImportAsync(string path, CancellationToken cancellationToken)
    {
        var display = FileArguments.Display(path);
        byte[] content;
        try
        {
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
            RequestId = RequestId(content),
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
        StatusCode.PermissionDenied => ex.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason != "ROLE_REQUIRED",
        _ => false,
    };

    /// <summary>A UUID (version 8, RFC 9562) made of the hash, since request ids are conventionally UUIDs (AIP-155).</summary>
    private string RequestId(byte[] content)
    {
        var fileHash = Convert.ToHexStringLower(SHA256.HashData(content));
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes($"{_run}\n{fileHash}\n{departmentHint}\n{validateOnly}"));
        var bytes = seed.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString();
    }
}
