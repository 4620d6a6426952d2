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
        var done = 0;
        var lastMark = TimeSpan.Zero;
        var blocks = new List<double>();
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
                // The rate of each block of 500 on its own: the first blocks include the server's JIT warm-up.
                if (Interlocked.Increment(ref done) % 500 == 0)
                    lock (blocks)
                    {
                        var now = clock.Elapsed;
                        blocks.Add(500 / (now - lastMark).TotalSeconds);
                        lastMark = now;
                        Console.WriteLine($"  fill: {done} files, the last 500 at {blocks[^1]:F0} files/s");
                    }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        Console.WriteLine($"fill: {options.Fill} files ({created} new) in {clock.Elapsed.TotalSeconds:F1} s = {options.Fill / clock.Elapsed.TotalSeconds:F0} files/s overall");
        if (blocks.Count >= 3)
            Console.WriteLine($"fill: after the first 1,000 (warm-up), {blocks.Skip(2).Average():F0} files/s on average over {blocks.Count - 2} blocks of 500");
    }
}
