using BudgetGrpc.Contracts.V1;
using Spectre.Console;
using BudgetGrpc.Tools.Remote;
using static BudgetGrpc.Tools.Output.RemoteText;

namespace BudgetGrpc.Tools.Output;

/// <summary>Tables of what the server did: imports, reprocessing, upload records.</summary>
internal static class OperationViews
{
    public static void WriteImports(CliConsole console, IReadOnlyCollection<ImportRow> rows)
    {
        var table = NewTable(null, "file", "outcome", "revision", "findings", "message");
        foreach (var r in rows)
            table.AddRow(Cells(r.File, r.Outcome, r.Revision, Counts(r.Counts), r.Message));
        console.Ansi.Write(table);
        var byOutcome = rows.GroupBy(r => r.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        console.Out.WriteLine($"{rows.Count} files: {string.Join(", ", byOutcome)}");
    }

    public static void WriteReprocess(CliConsole console, ReprocessRevisionsResponse r)
    {
        console.Out.WriteLine($"examined {r.Examined}, new revisions {r.NewRevisions}, unchanged {r.Unchanged}, failed {r.Failed}");
        foreach (var created in r.Created) console.Out.WriteLine($"  created {created}");
        if (r.Failures.Count == 0) return;
        var table = NewTable("failures", "revision", "reason", "message");
        foreach (var f in r.Failures) table.AddRow(Cells(f.Revision, f.Reason, f.Message));
        console.Ansi.Write(table);
    }

    public static void WriteUploads(CliConsole console, IReadOnlyCollection<Upload> uploads)
    {
        if (uploads.Count == 0)
        {
            console.Out.WriteLine("no uploads");
            return;
        }
        var table = NewTable(null, "name", "file", "outcome", "reason", "disclosure", "received", "message");
        foreach (var u in uploads)
            table.AddRow(Cells(u.Name, u.FileName, Name(u.Outcome), u.Reason, u.Disclosure, Time(u.CreateTime), u.Message));
        console.Ansi.Write(table);
    }
}
