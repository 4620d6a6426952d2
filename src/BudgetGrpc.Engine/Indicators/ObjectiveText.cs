using System.Text.RegularExpressions;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Indicators;

/// <summary>
/// The 绩效目标 cell as a list of objectives: split on their numbering (目标一：, 目标1；, 1., 1、, (1), ①, 一、)
/// even where items run on in one line, with the numbering removed; each line is an objective of its own unless it ends
/// inside a sentence.
/// </summary>
public static partial class ObjectiveText
{
    private static readonly char[] Edge = [' ', '：', ':', '；', ';', '，', ',', '、', '\u00A0'];

    public static IReadOnlyList<string> Split(string rawCell)
    {
        var objectives = new List<string>();
        foreach (var line in Lines(rawCell))
        {
            var folded = UnitNames.FoldWidth(line);
            int last = 0, textStart = 0;
            foreach (Match m in Marker().Matches(folded))
            {
                int number = Number(m);
                bool atStart = folded.AsSpan(textStart, m.Index - textStart).IsWhiteSpace();
                bool isGoal = m.Groups["goal"].Success;
                // A bare number glued to the text before it opens an objective only when it continues the count:
                // "…公用经费2. 本单位…" does, "每人300元" and "2.6万元" never match.
                if (!atStart && !isGoal && number != last + 1) continue;
                if (!atStart && !IsLeadIn(objectives, line[textStart..m.Index])) Add(objectives, line[textStart..m.Index]);
                textStart = m.Index + m.Length;
                if (number > 0) last = number;
            }
            Add(objectives, line[textStart..]);
        }
        return objectives;
    }

    /// <summary>
    /// The cell's lines, a line broken after a clause comma (，、: a break typed into a cell to fit its width) joined to the
    /// next unless that one opens with its numbering.
    /// </summary>
    private static List<string> Lines(string rawCell)
    {
        var lines = new List<string>();
        foreach (var line in CellMarkup.ToLines(rawCell))
        {
            if (lines.Count > 0 && lines[^1].TrimEnd() is [.., '，' or ',' or '、'] && !OpensItem(line))
                lines[^1] = lines[^1].TrimEnd() + line.TrimStart();
            else
                lines.Add(line);
        }
        return lines;
    }

    private static bool OpensItem(string line) => Marker().Match(UnitNames.FoldWidth(line).TrimStart()) is { Success: true, Index: 0 };

    /// <summary>A sentence that only announces the list (…达成以下目标：) before its first item is no objective itself.</summary>
    private static bool IsLeadIn(List<string> objectives, string text) =>
        objectives.Count == 0 && text.TrimEnd().EndsWith('：') && text.Contains("以下", StringComparison.Ordinal);

    private static void Add(List<string> objectives, string text)
    {
        var item = text.Trim(Edge);
        if (item.Length > 0) objectives.Add(item);
    }

    private static int Number(Match m)
    {
        var n = m.Groups["n"].Value;
        if (n.Length == 0) return 0;
        if (char.IsDigit(n[0])) return int.Parse(n);
        if (n[0] is >= '①' and <= '⑳') return n[0] - '①' + 1;
        return Markers.ChineseNumber(n);
    }

    // One alternative per numbering style; consecutive markers ("1. 目标一：") merge because the text between is empty.
    [GeneratedRegex(@"(?<goal>目标\s*(?<n>[一二三四五六七八九十]{1,3}|\d{1,2})\s*[:：;；.、,，]?)" +
                    @"|(?<goal>(?<=^|[\s。；;])(?:年度总体|年度|总体|绩效|项目)?目标\s*[:：])" +
                    @"|(?<![\d.])\(\s*(?<n>\d{1,2}|[一二三四五六七八九十]{1,3})\s*\)" +
                    @"|(?<n>[①-⑳])" +
                    @"|(?<![\d.])(?<n>\d{1,2})\s*[.、](?!\d)" +
                    @"|(?<=^|[\s。；;])(?<n>[一二三四五六七八九十]{1,3})、")]
    private static partial Regex Marker();
}
