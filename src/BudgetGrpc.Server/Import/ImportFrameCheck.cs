using System.Buffers;
using System.Buffers.Binary;
using BudgetGrpc.Contracts;
using BudgetGrpc.Server.Grpc;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace BudgetGrpc.Server.Import;

/// <summary>
/// Refuses an import whose file cannot fit before its bytes are read: a gRPC message announces its length in the
/// 5-byte frame header, a plain HTTP body in Content-Length. The answer is FILE_TOO_LARGE (RESOURCE_EXHAUSTED), the
/// same reason the service gives for a file just over the limit, instead of a transport error clients cannot tell apart.
/// </summary>
public sealed class ImportFrameCheck(RequestDelegate next, IOptions<ImportLimits> limits)
{
    public const string ImportPath = "/budget.v1.DisclosureService/ImportDisclosure";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Path.Equals(ImportPath, StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        var max = limits.Value.MaxImportFrameBytes;
        var announced = context.Request.ContentLength ?? await FrameLengthAsync(context);
        if (announced > max + 5)
        {
            await RefuseAsync(context, announced);
            return;
        }
        await next(context);
    }

    /// <summary>The message length in the first gRPC frame, looked at without consuming it; 0 when there is none.</summary>
    private static async Task<long> FrameLengthAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        var read = await reader.ReadAtLeastAsync(5, context.RequestAborted);
        var buffer = read.Buffer;
        long length = 0;
        if (buffer.Length >= 5)
        {
            Span<byte> header = stackalloc byte[5];
            buffer.Slice(0, 5).CopyTo(header);
            length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]) + 5L;
        }
        reader.AdvanceTo(buffer.Start, buffer.End);
        return length;
    }

    private async Task RefuseAsync(HttpContext context, long announced)
    {
        var message = $"the request has {announced:N0} bytes; files of at most {limits.Value.MaxFileBytes:N0} bytes are accepted ({FileLimits.MaxFileBytesKey})";
        var status = RpcErrors.Build(StatusCode.ResourceExhausted, ErrorReasons.FileTooLarge, message).Trailers;
        // A trailers-only gRPC answer: status and details in the headers, no body.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)StatusCode.ResourceExhausted).ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        foreach (var entry in status)
        {
            if (entry.IsBinary) context.Response.Headers[entry.Key] = Convert.ToBase64String(entry.ValueBytes).TrimEnd('=');
        }
        await context.Response.CompleteAsync();
    }
}
