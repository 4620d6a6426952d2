using System.CommandLine;

namespace BudgetGrpc.Tools.Output;

/// <summary>`--format table|json` of the remote commands whose output is data.</summary>
internal static class OutputFormat
{
    public const string Table = "table";
    public const string Json = "json";

    public static Option<string> Create()
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "table, or json (the proto3 JSON of the response, every page merged)",
            DefaultValueFactory = _ => Table,
        };
        format.AcceptOnlyFromAmong(Table, Json);
        return format;
    }

    public static bool IsJson(this System.CommandLine.ParseResult parse, Option<string> format) => parse.GetValue(format) == Json;
}
