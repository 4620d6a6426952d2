using System.Net.Http.Headers;
using BudgetGrpc.Contracts.V1;

namespace BudgetGrpc.Worker.Deliveries;

/// <summary>
/// POSTs the export with its content type, the configured headers, the secret auth header and an Idempotency-Key that
/// is the same on every attempt, so the receiver can drop repeats.
/// </summary>
public sealed class HttpTarget(IHttpClientFactory clients, TimeProvider time) : IDeliveryTarget
{
    public const string ClientName = "delivery";
    private const int ErrorBodyChars = 300;

    public async ValueTask<DeliveryResult> SendAsync(DeliveryTargetOptions target, LeasedDelivery delivery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target.Url);
        var content = new ReadOnlyMemoryContent(delivery.Content.Memory);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(delivery.ContentType);
        request.Content = content;
        request.Headers.Add("Idempotency-Key", delivery.Delivery.IdempotencyKey);
        request.Headers.Add("X-Budget-Revision", delivery.Delivery.Revision);
        request.Headers.Add("X-Budget-Delivery", delivery.Delivery.Name);
        request.Headers.Add("X-Budget-Attempt", delivery.AttemptNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (name, value) in target.Headers) request.Headers.TryAddWithoutValidation(name, value);
        if (target.AuthSecret.Length > 0) request.Headers.TryAddWithoutValidation(target.AuthHeader, target.AuthSecret);

        var client = clients.CreateClient(ClientName);
        // Disposed before the pipeline decides anything: a failed response must not hold its connection through a backoff.
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var verdict = DeliveryResult.Classify(response.StatusCode);
        if (verdict == SendVerdict.Delivered) return new DeliveryResult(verdict, (int)response.StatusCode);
        return new DeliveryResult(verdict, (int)response.StatusCode, RetryAfter(response), await ErrorAsync(response, cancellationToken));
    }

    /// <summary>Retry-After as seconds or as an HTTP date; null when absent or already past.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private static async Task<string> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            body = await response.Content.ReadAsStringAsync(cancellationToken);
        }
        catch (HttpRequestException)
        {
            body = "";
        }
        if (body.Length > ErrorBodyChars) body = body[..ErrorBodyChars];
        return $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}{(body.Length > 0 ? ": " + body : "")}";
    }
}
