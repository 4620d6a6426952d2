using BudgetGrpc.Contracts.V1;

namespace BudgetGrpc.Worker.Deliveries;

/// <summary>
/// Writes the export into an outbound folder for pickup by file transfer. The file is written under a hidden temp name
/// (".…tmp", which pickup jobs skip), flushed to disk, then renamed to its final name in one step, so a reader never sees
/// half a file. The final name is the idempotency key: a repeated attempt finds the file there and does nothing.
/// </summary>
public sealed class FolderTarget : IDeliveryTarget
{
    public async ValueTask<DeliveryResult> SendAsync(DeliveryTargetOptions target, LeasedDelivery delivery, CancellationToken cancellationToken)
    {
        var key = delivery.Delivery.IdempotencyKey;
        // The key names the file; one that is not a plain file name would write outside the outbound folder.
        if (key.Length == 0 || Path.GetFileName(key) != key || key.StartsWith('.') || key.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            return new DeliveryResult(SendVerdict.Permanent, Error: $"idempotency key '{key}' is not a plain file name");
        Directory.CreateDirectory(target.Folder);
        var extension = Path.GetExtension(delivery.FileName);
        var final = Path.Combine(target.Folder, delivery.Delivery.IdempotencyKey + extension);
        if (File.Exists(final)) return DeliveryResult.Written;

        var temp = Path.Combine(target.Folder, $".{delivery.Delivery.IdempotencyKey}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(delivery.Content.Memory, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                // The bytes must be on disk before the name says the file is complete.
                stream.Flush(flushToDisk: true);
            }
            try
            {
                File.Move(temp, final, overwrite: false);
            }
            catch (IOException) when (File.Exists(final))
            {
                // A concurrent attempt (an expired lease taken over) renamed its copy first; same key, same content.
            }
            return DeliveryResult.Written;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
