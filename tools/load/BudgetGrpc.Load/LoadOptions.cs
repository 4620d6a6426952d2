using System.Globalization;

namespace BudgetGrpc.Load;

public sealed record LoadOptions
{
    public string Server { get; init; } = "http://127.0.0.1:5080";
    public string Key { get; init; } = "example-reader-key";
    public int Seconds { get; init; } = 10;
    public int Concurrency { get; init; } = 16;
    public int ServerPid { get; init; }
    /// <summary>Import this many synthetic departments (copies of the seed file) before measuring.</summary>
    public int Fill { get; init; }
    public string FillKey { get; init; } = "example-operator-key";
    public string SeedFile { get; init; } = "tests/samples/000_c21431a6439d21ac.txt";
    public string SeedDepartment { get; init; } = "门源县工业商务和信息化局";

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--server" => options with { Server = value },
                "--key" => options with { Key = value },
                "--seconds" => options with { Seconds = Int(value) },
                "--concurrency" => options with { Concurrency = Int(value) },
                "--server-pid" => options with { ServerPid = Int(value) },
                "--fill" => options with { Fill = Int(value) },
                "--fill-key" => options with { FillKey = value },
                "--seed-file" => options with { SeedFile = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return options;
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
