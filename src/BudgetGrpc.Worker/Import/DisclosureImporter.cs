using BudgetGrpc.Contracts;
using BudgetGrpc.Contracts.Client;
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
/// the job should do with it. The request id makes a retry after a lost answer replay the first answer. The channel
/// (the contracts' client kit) carries the worker's key.
/// </summary>
public sealed class DisclosureImporter(
    DisclosureService.DisclosureServiceClient client,
    ResiliencePipelineProvider<string> pipelines,
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
        var pipeline = pipelines.GetPipeline(PipelineName);
        try
        {
            var response = await pipeline.ExecuteAsync(
                async ct => await client.ImportDisclosureAsync(request, null, time.GetUtcNow().UtcDateTime + retry.Value.AttemptTimeout, ct),
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
            return new ImportAttempt(Classify(failure), null, failure);
        }
        catch (TimeoutRejectedException ex)
        {
            return new ImportAttempt(ImportVerdict.Unavailable, null,
                RpcFailure.Local(StatusCode.DeadlineExceeded, "TOTAL_TIMEOUT", $"no answer within {retry.Value.TotalTimeout}: {ex.Message}"));
        }
    }

    /// <summary>The statuses a retry may cure; everything else is the service's answer about this file.</summary>
    internal static bool IsTransient(RpcException ex) => RpcFailure.From(ex).IsTransient;

    /// <summary>
    /// A refusal of this file's department parks the file; a refusal of the worker's key (unknown, or without the
    /// importer role) says nothing about the file, so the run stops and every file waits for a fixed key instead of
    /// the whole inbox going to quarantine.
    /// </summary>
    private static ImportVerdict Classify(RpcFailure failure) => failure.Code switch
    {
        StatusCode.InvalidArgument => ImportVerdict.Rejected,
        // Too large for the server, whether it read the file or refused it from its length: sending again cannot help.
        _ when failure.Reason == ErrorReasons.FileTooLarge => ImportVerdict.Rejected,
        StatusCode.PermissionDenied when failure.Reason == ErrorReasons.ForbiddenDepartment => ImportVerdict.NotAllowed,
        _ when failure.RefusesTheKey || failure.IsTransient => ImportVerdict.Unavailable,
        _ => ImportVerdict.Failed,
    };
}
