using System.CommandLine;
using BudgetGrpc.Engine.Publishing;
using BudgetGrpc.Tools.Output;

namespace BudgetGrpc.Tools.Commands;

/// <summary>`budget parse FILE [--format json|csv|table]`: the parsed disclosure, offline.</summary>
internal static class ParseCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "A disclosure file: xlsx, xls, et, docx, doc, wps, pdf, html, csv, tsv, txt or md" };
        var format = new Option<string>("--format", "-f") { Description = "json (publication JSON v1), csv or table", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv", "table");
        var command = new Command("parse", "Parse a file and print the disclosure (exit 2 when it cannot be read)") { file, format };
        command.SetAction(parse =>
        {
            var result = FileInput.Parse(parse.GetValue(file)!, validate: true);
            if (result.Disclosure is not { } disclosure) return FileInput.ReportError(console, result.Error!);
            switch (parse.GetValue(format))
            {
                case "csv":
                    // Without the BOM: the console is not a spreadsheet.
                    var sb = new System.Text.StringBuilder();
                    FlatCsv.Write(sb, disclosure, PublicationMeta.Offline);
                    console.Out.Write(sb.ToString());
                    break;
                case "table":
                    DisclosureTable.Write(console, disclosure);
                    break;
                default:
                    console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(PublicationJson.ToUtf8Bytes(disclosure)));
                    break;
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
