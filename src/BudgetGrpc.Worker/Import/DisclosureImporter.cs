using BudgetGrpc.Contracts.V1;
using BudgetGrpc.Worker.Options;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using Polly.Timeout;

namespace BudgetGrpc.Worker.Import;

/// <summary>
/// Sends one file to DisclosureService.ImportDisclosure through the "folder-import" resilience pipeline and says what
/// the job should do with it. The request id makes a retry after a lost answer replay the first answer.
/// </summary>
public sealed class DisclosureImporter(
    DisclosureService.DisclosureServiceClient client,
    ResiliencePipelineProvider<string> pipelines,
    IOptions<ImportServiceOptions> service,
    IOptions<ImportRetryOptions> retry,
    TimeProvider time)
{
    public const string PipelineName = "folder-import";

    public async Task<ImportAttempt> ImportAsync(string fileName, byte[] content, string departmentHint, string requestId, CancellationToken cancellationToken)
    {
        var request = new ImportDisclosureRequest
        {
            FileName = fileName,
            Content = ByteString.CopyFrom(content),
            DepartmentHint = departmentHint,
            RequestId = requestId,
        };
        var headers = new Metadata { { "authorization", "Bearer " + service.Value.ApiKey } };
        var pipeline = pipelines.GetPipeline(PipelineName);
        try
        {
            var response = await pipeline.ExecuteAsync(
                async ct => await client.ImportDisclosureAsync(request, headers, time.GetUtcNow().UtcDateTime + retry.Value.AttemptTimeout, ct),
                cancellationToken);
            return ImportAttempt.Imported(response);
        }
        catch (RpcException ex) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: an OperationCanceledException is what tells Quartz to hand the firing back for recovery.
            throw new OperationCanceledException("the import was cancelled", ex, cancellationToken);
        }
        catch (RpcException ex)
        {
            var failure = RpcFailure.From(ex);
            return new ImportAttempt(Classify(ex.StatusCode, failure.Reason), null, failure);
        }
        catch (TimeoutRejectedException ex)
        {
            return new ImportAttempt(ImportVerdict.Unavailable, null,
                RpcFailure.Local(StatusCode.DeadlineExceeded, "TOTAL_TIMEOUT", $"no answer within {retry.Value.TotalTimeout}: {ex.Message}"));
        }
    }

    /// <summary>The statuses a retry may cure; everything else is the service's answer about this file.</summary>
    internal static bool IsTransient(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.ResourceExhausted;

    /// <summary>
    /// A refusal of this file's department parks the file; a refusal of the worker's key (unknown, or without the
    /// importer role) says nothing about the file, so the run stops and every file waits for a fixed key instead of
    /// the whole inbox going to quarantine.
    /// </summary>
    private static ImportVerdict Classify(StatusCode code, string reason) => code switch
    {
        StatusCode.InvalidArgument => ImportVerdict.Rejected,
        StatusCode.PermissionDenied when reason == ForbiddenDepartment => ImportVerdict.NotAllowed,
        StatusCode.PermissionDenied or StatusCode.Unauthenticated => ImportVerdict.Unavailable,
        _ when IsTransient(code) => ImportVerdict.Unavailable,
        _ => ImportVerdict.Failed,
    };

    /// <summary>The server's ErrorInfo reason when a key may import, but not for this file's department.</summary>
    private const string ForbiddenDepartment = "FORBIDDEN_DEPARTMENT";
}
