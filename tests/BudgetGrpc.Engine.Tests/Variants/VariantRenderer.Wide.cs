using System.Globalization;
using V = BudgetGrpc.Engine.Tests.Variants.VariantVocabulary;

namespace BudgetGrpc.Engine.Tests.Variants;

internal static partial class VariantRenderer
{
    private static VariantDocument RenderWide(RenderContext x)
    {
        var a = x.Axes;
        var title = ProjectTitleBlock(x, departmentElsewhere: false, out var unitInHeader);
        var titleInside = a.Pick("titlePlacement", "lines", "rows") == "rows";
        var total = a.Pick("totalRow", "none", "top", "bottom");
        var amountNote = a.Flag("amountNote", 0.15);
        var perLevel1 = a.Pick("wideColumns", "one", "one", "perLevel1") == "perLevel1";
        var text = a.Pick("wideText", "lines", "paragraphs", "inline", "paths", "flatPaths");
        var separator = a.Pick("itemSeparator", "glued", "colon", "space") switch { "colon" => "：", "space" => " ", _ => "" };
        var qualitativeSeparator = a.Pick("qualitativeItem", "定性", "colon", "space") switch { "colon" => "：", "space" => " ", _ => " 定性 " };
        var markup = a.Pick("wideMarkup", "plain", "plain", "paragraphs", "math");
        var style = TargetStyle.Choose(a);
        var (footerLines, footerRows) = Footer(x);

        var level1s = x.Disclosure.Projects.SelectMany(p => p.Indicators).Select(i => i.Level1).Distinct().ToList();
        var headers = new List<string>
        {
            a.Pick("label.projectCode", V.WideCode, w => w),
            a.Pick("label.projectName", V.WideName, w => w),
        };
        var amountWord = a.Pick("label.amount", V.Amount, w => w);
        headers.Add(unitInHeader ? $"{amountWord}（{x.Unit}）" : amountWord);
        headers.Add(a.Pick("label.objectives", V.Objectives, w => w));
        var indicatorWord = a.Pick("label.indicators", V.WideIndicators, w => w);
        var twoRows = perLevel1 && a.Flag("wideGroupHeader", 0.5);
        var width = headers.Count + (perLevel1 ? level1s.Count : 1);

        var grid = GridWithTitle(width, title, titleInside);
        var h = grid.AddRow();
        if (twoRows) grid.AddRow();
        for (var c = 0; c < headers.Count; c++)
        {
            grid.Rows[h][c] = headers[c];
            if (twoRows) grid.Merge(h, c, 2, 1);
        }
        if (!perLevel1) grid.Rows[h][headers.Count] = indicatorWord;
        else if (twoRows)
        {
            grid.Rows[h][headers.Count] = indicatorWord;
            grid.Merge(h, headers.Count, 1, level1s.Count);
            for (var k = 0; k < level1s.Count; k++) grid.Rows[h + 1][headers.Count + k] = level1s[k];
        }
        else
            for (var k = 0; k < level1s.Count; k++) grid.Rows[h][headers.Count + k] = level1s[k];

        void TotalRow()
        {
            var cells = new string[width];
            cells[0] = "合计";
            cells[2] = AmountText(x, x.Disclosure.Projects.Sum(p => p.Amount));
            grid.AddRow(cells);
        }
        if (total == "top") TotalRow();
        for (var k = 0; k < x.Disclosure.Projects.Count; k++)
        {
            var p = x.Disclosure.Projects[k];
            var cells = new List<string> { p.Code, p.Name, AmountText(x, p.Amount, amountNote && k == 0), ObjectivesText(x, p.Objectives) };
            if (!perLevel1) cells.Add(Markup(WideIndicatorText(p.Indicators, text, separator, qualitativeSeparator, style, withLevel1: true, x.Random), markup));
            else
                foreach (var l1 in level1s)
                    cells.Add(Markup(WideIndicatorText(p.Indicators.Where(i => i.Level1 == l1).ToList(), text, separator, qualitativeSeparator, style, withLevel1: false, x.Random), markup));
            grid.AddRow([.. cells]);
        }
        if (total == "bottom") TotalRow();
        AddFooterRows(grid, footerRows);
        return new VariantDocument([new VariantSheet("Sheet1", Place(x, title, grid, footerLines, titleInside))]);
    }

    /// <summary>
    /// Cell text as OCR'd pages leave it (the seed): each line in `&lt;p&gt;…&lt;/p&gt;`, and with "math" the signs as
    /// TeX inside `&lt;math&gt;` as well.
    /// </summary>
    private static string Markup(string text, string markup)
    {
        if (markup == "plain") return text;
        if (markup == "math")
            text = text.Replace("≥", "<math>\\geq</math>").Replace("≤", "<math>\\leq</math>")
                .Replace(">=", "<math>\\geq</math>").Replace("<=", "<math>\\leq</math>");
        return string.Join(" ", text.Split('\n').Select(line => $"<p>{line}</p>"));
    }

    private static readonly string[] ChineseNumerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>A wide table's indicator cell: headings and numbered items in one of the ways free text is written.</summary>
    private static string WideIndicatorText(IReadOnlyList<CanonIndicator> indicators, string text, string separator, string qualitativeSeparator, TargetStyle style, bool withLevel1, Random random)
    {
        var lines = new List<string>();
        var level1s = indicators.Select(i => i.Level1).Distinct().ToList();
        for (var a = 0; a < level1s.Count; a++)
        {
            var under1 = indicators.Where(i => i.Level1 == level1s[a]).ToList();
            var level2s = under1.Select(i => i.Level2).Distinct().ToList();
            var paragraph = new List<string>();
            if (withLevel1 && text is not ("paths" or "flatPaths")) paragraph.Add(text == "inline" ? level1s[a] + "：" : $"{ChineseNumerals[a]}、{level1s[a]}");
            for (var b = 0; b < level2s.Count; b++)
            {
                var items = under1.Where(i => i.Level2 == level2s[b]).Select(i => TargetWriting.Item(i, style, separator, qualitativeSeparator, random)).ToList();
                switch (text)
                {
                    case "paths":
                    case "flatPaths":
                        // 【产出指标-数量指标】 over 指标1：… items (survey, round 3 and 4); flatPaths: the cell flattened to one
                        // line, paths and items run together (round 3's project list as its page stores it).
                        paragraph.Add($"【{level1s[a]}-{level2s[b]}】");
                        paragraph.AddRange(items.Select((item, n) => $"指标{n + 1}：{item}"));
                        break;
                    case "inline":
                        paragraph.Add(level2s[b] + "：" + string.Join("；", items) + "；");
                        break;
                    default:
                        paragraph.Add($"（{ChineseNumerals[b]}）{level2s[b]}");
                        paragraph.AddRange(items.Select((item, n) => $"{n + 1}.{item}"));
                        break;
                }
            }
            if (text is "lines" or "paths" or "flatPaths") lines.AddRange(paragraph);
            else lines.Add(string.Join(text == "inline" ? "" : " ", paragraph));
        }
        return string.Join(text == "flatPaths" ? " " : "\n", lines);
    }
}
