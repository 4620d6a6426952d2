using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using Spectre.Console;

namespace BudgetGrpc.Tools.Output;

/// <summary>Human-readable tables of a disclosure and its findings.</summary>
internal static class DisclosureTable
{
    public static void Write(CliConsole console, Disclosure d)
    {
        WriteSummary(console, d);
        var evaluation = d.Kind == DisclosureKind.SelfEvaluation;
        foreach (var p in d.Projects)
        {
            var table = new Table().Title(Markup.Escape($"{p.Code} {p.Name}  {(p.Amount is { } a ? DecimalText.Money(a) : "?")} {d.AmountUnit}"));
            if (evaluation)
            {
                table.AddColumns("一级", "二级", "三级指标", "目标", "实际完成", "分值", "得分", "计分", "偏差原因");
                if (p.Budget is { } b)
                    table.AddRow(Cells("预算执行", "", $"{Dec(b.Executed)} / {Dec(b.Adjusted)}", "", $"{Dec(b.ExecutionRate)}%", Dec(b.Weight), Dec(b.Score), Dec(b.ComputedScore), ""));
                foreach (var i in p.Indicators)
                    table.AddRow(Cells(i.Level1, i.Level2, i.Name, Target(i), i.Actual?.Text ?? "", Dec(i.Weight), Dec(i.Score), Dec(i.ComputedScore), i.DeviationReason));
                table.AddRow(Cells("总分", "", "", "", "", Dec(p.StatedTotal?.Weight), Dec(p.DeclaredScore), Dec(p.ComputedScore), p.Grade));
            }
            else
            {
                table.AddColumns("一级", "二级", "三级指标", "比较", "值", "单位", "来源");
                foreach (var i in p.Indicators)
                    table.AddRow(Cells(i.Level1, i.Level2, i.Name, i.Comparator.ToWire(),
                        i.Value is { } v ? DecimalText.Normalized(v) : i.QualitativeValue, i.Unit, i.Source.ToString()));
            }
            console.Ansi.Write(table);
        }
        WriteFindings(console, d);
    }

    public static void WriteFindings(CliConsole console, Disclosure d)
    {
        if (d.Findings.Count == 0)
        {
            console.Out.WriteLine($"{d.Source.FileName}: no findings ({d.Projects.Count} projects, {d.IndicatorCount} indicators)");
            return;
        }
        var table = new Table().Title(Markup.Escape($"{d.Source.FileName}: {d.Findings.Count} findings"));
        table.AddColumns("rule", "severity", "project", "message", "where");
        foreach (var f in d.Findings)
            table.AddRow(Cells(f.RuleId, PublicationJson.SeverityName(f.Severity), f.ProjectCode ?? "",
                f.MessageEn.Length > 0 ? $"{f.Message}\n{f.MessageEn}" : f.Message, f.Source?.ToString() ?? ""));
        console.Ansi.Write(table);
        console.Out.WriteLine($"{d.Findings.Count(f => f.Severity == Severity.Error)} errors, " +
            $"{d.Findings.Count(f => f.Severity == Severity.Warning)} warnings, {d.Findings.Count(f => f.Severity == Severity.Info)} infos");
    }

    private static void WriteSummary(CliConsole console, Disclosure d) =>
        console.Out.WriteLine($"{d.Title}\n{d.Department} · {d.FiscalYear?.ToString() ?? "?"} · {d.AmountUnit} · " +
            $"{PublicationJson.LayoutName(d.Source.Layout)} ({d.Source.Format}) · {d.Projects.Count} projects · {d.IndicatorCount} indicators · " +
            $"合计 {(d.DeclaredTotal is { } t ? DecimalText.Money(t) : "—")} / {DecimalText.Money(d.ComputedTotal)}");

    private static string Dec(decimal? value) => value is { } v ? DecimalText.Normalized(v) : "";

    private static string Target(Indicator i) =>
        i.Comparator == Comparator.Qualitative ? i.QualitativeValue : $"{i.Comparator.ToWire()}{(i.Value is { } v ? DecimalText.Normalized(v) : "")}{i.Unit}";

    private static Markup[] Cells(params string[] texts) => texts.Select(t => new Markup(Markup.Escape(t))).ToArray();
}
