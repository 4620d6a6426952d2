using System.Diagnostics;
using System.Text;
using BudgetGrpc.Contracts.V1;
using Google.Protobuf;
using Grpc.Core;

namespace BudgetGrpc.Load;

/// <summary>
/// Grows the database with copies of the seed under synthetic department names, through ImportDisclosure
/// like any client, and reports the import rate. Idempotent: a copy imported before comes back UNCHANGED.
/// </summary>
public static class Fill
{
    public static async Task RunAsync(DisclosureService.DisclosureServiceClient client, LoadOptions options)
    {
        var seed = await File.ReadAllTextAsync(options.SeedFile);
        var headers = new Metadata { { "authorization", $"Bearer {options.FillKey}" } };
        var clock = Stopwatch.StartNew();
        var next = -1;
        var created = 0;
        var workers = Enumerable.Range(0, 4).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < options.Fill)
            {
                // Digits would run into the title's "2024年"; Chinese numerals keep the department name apart.
                var department = $"负载{string.Concat(i.ToString("D6").Select(c => "〇一二三四五六七八九"[c - '0']))}县测试局";
                var content = Encoding.UTF8.GetBytes(seed.Replace(options.SeedDepartment, department, StringComparison.Ordinal));
                var response = await client.ImportDisclosureAsync(new ImportDisclosureRequest
                {
                    FileName = $"load-{i:D6}.txt",
                    Content = ByteString.CopyFrom(content),
                }, headers);
                if (response.Outcome == ImportOutcome.Created) Interlocked.Increment(ref created);
                if (i > 0 && i % 1000 == 0) Console.WriteLine($"  fill: {i} files, {i / clock.Elapsed.TotalSeconds:F0} files/s");
            }
        }).ToArray();
        await Task.WhenAll(workers);
        Console.WriteLine($"fill: {options.Fill} files ({created} new) in {clock.Elapsed.TotalSeconds:F1} s = {options.Fill / clock.Elapsed.TotalSeconds:F0} files/s");
    }
}
