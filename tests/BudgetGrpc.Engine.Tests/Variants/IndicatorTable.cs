using V = BudgetGrpc.Engine.Tests.Variants.VariantVocabulary;

namespace BudgetGrpc.Engine.Tests.Variants;

internal enum ColumnRole
{
    Level1,
    Level2,
    Level3,
    Comparator,
    Value,
    OtherValue,
    Unit,
    Direction,
    Weight,
    Remark,
    Explanation,
    Scoring,
    ValueType,
}

/// <summary>One column of an indicator table: its role, its header (and, in a two-row header, the group word above it), its width in grid columns.</summary>
internal sealed record IndicatorColumn(ColumnRole Role, string Header, string? Group, int Width = 1);

/// <summary>
/// The indicator part of a long table, a form or a department-wide table, as one variant writes it: which columns,
/// in which order, under which words, with one or two header rows, and how level cells are filled.
/// </summary>
internal sealed partial class IndicatorTable
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial System.Text.RegularExpressions.Regex IsoDate();

    public required IReadOnlyList<IndicatorColumn> Columns { get; init; }
    public required bool TwoRows { get; init; }
    /// <summary>merged, repeated or blank (written once per block without a merge).</summary>
    public required string LevelCells { get; init; }
    public required string LevelNames { get; init; }
    /// <summary>The set of level words a table with LevelNames synonyms uses throughout.</summary>
    public string SynonymSet { get; init; } = "framework";
    public bool LevelPath { get; init; }
    public required TargetStyle Style { get; init; }
    /// <summary>The unit written into the indicator name, `受益人口（万人）`, with a bare number as the value.</summary>
    public required bool UnitInName { get; init; }
    /// <summary>ascii or fullWidth: how a unit's bracketed alternative is written in the name (`（万头（只））`).</summary>
    public string UnitBrackets { get; init; } = "ascii";
    /// <summary>
    /// unit (`养殖棚（间）`), bound (the template's bound kept with the unit, no figure: `养殖棚（≥间）`) or boundStars (`养殖棚（≥**间）`):
    /// what the name's note holds; with a bound there, the value cell is the bare figure.
    /// </summary>
    public string UnitNote { get; init; } = "unit";
    /// <summary>none, star (core indicators marked `*`) or numbered (`指标1：` before the name).</summary>
    public required string NamePrefix { get; init; }
    /// <summary>A standard second level with no indicator kept as an empty row (name and value blank).</summary>
    public required bool EmptyLevel2Rows { get; init; }
    /// <summary>What the name cell of such a row holds: blank, a template's placeholder (指标1, ……) or the level again.</summary>
    public string EmptyRowName { get; init; } = "blank";
    /// <summary>A date target stored as a date cell where the container has them (xlsx), not as text.</summary>
    public required bool DateCells { get; init; }

    public int Width => Columns.Sum(c => c.Width);
    public int HeaderRows => TwoRows ? 2 : 1;

    // Each table keeps to one set of the level words the survey met in place of the framework's (levelSynonyms).
    private static readonly Dictionary<string, Dictionary<string, string>> LevelSynonyms = new()
    {
        ["framework"] = new()
        {
            ["服务对象满意度指标"] = "社会公众或服务对象满意度指标",
            ["生态效益指标"] = "环境效益指标",
            ["时效指标"] = "进度指标",
        },
        // The old municipal forms (round 12h, #136): 产出指标 beside 成效指标.
        ["oldForms"] = new() { ["效益指标"] = "成效指标" },
        // Project-worded levels (rounds 3 and 7): 项目产出指标, 项目效益指标, 服务满意度指标.
        ["project"] = new() { ["产出指标"] = "项目产出指标", ["效益指标"] = "项目效益指标", ["满意度指标"] = "服务满意度指标" },
        // Results for benefits (round 9): 效果指标, 社会公众满意度指标.
        ["effects"] = new() { ["效益指标"] = "效果指标", ["服务对象满意度指标"] = "社会公众满意度指标" },
    };

    public static IndicatorTable Choose(VariantAxes axes)
    {
        var spacing = axes.Pick("labelSpacing", "none", "none", "space", "linebreak");
        string Label(string axis, string[] words) => Space(axes.Pick(axis, words, w => w), spacing, axes.Random);

        var hasLevel1 = axes.Pick("firstLevel", "column", "column", "column", "absent") == "column";
        // Both levels written before the name as a path (产出指标-数量指标-慰问企业户数), with no level columns.
        var levelPath = axes.Flag("levelPath", 0.1);
        var valueColumns = axes.Pick("valueColumns", "single", "single", "split", "parallel");
        var comparatorColumn = axes.Flag("comparatorColumn", 0.35);
        var unitColumn = axes.Flag("unitColumn", 0.45);
        var unitInName = !unitColumn && axes.Flag("unitInName", 0.2);
        var nameSpan = axes.Pick("nameSpan", "1", "1", "2") == "2" ? 2 : 1;
        var group = valueColumns == "split"
            ? axes.Pick("group", "none", "levels")
            : axes.Pick("group", "none", "none", "levels", "all");
        var groupWord = group == "none" ? null : axes.Pick("label.group", V.IndicatorGroup, w => w);

        // A 项目库 form's 指标名称 column holding the second levels (数量指标, 质量指标 …), with the indicator names in a
        // 指标描述 / 指标解释 / 指标说明 column right of the targets.
        var describedNames = !levelPath && axes.Flag("describedNames", 0.1);

        var levels = new List<IndicatorColumn>();
        string? LevelGroup() => group == "none" ? null : groupWord;
        if (hasLevel1 && !levelPath) levels.Add(new(ColumnRole.Level1, Label("label.level1", V.Level1), LevelGroup()));
        if (describedNames) levels.Add(new(ColumnRole.Level2, Label("label.levelsAsNames", V.LevelsAsNames), LevelGroup()));
        else if (!levelPath) levels.Add(new(ColumnRole.Level2, Label("label.level2", V.Level2), LevelGroup()));
        var names = new IndicatorColumn(ColumnRole.Level3, Label(describedNames ? "label.describedNames" : "label.level3",
            describedNames ? V.DescribedNames : V.Level3), describedNames ? null : LevelGroup(), nameSpan);
        if (!describedNames) levels.Add(names);

        var target = new List<IndicatorColumn>();
        IndicatorColumn? comparator = comparatorColumn ? new(ColumnRole.Comparator, axes.Pick("label.comparator", V.Comparator, w => w), null) : null;
        IndicatorColumn? unit = unitColumn ? new(ColumnRole.Unit, Label("label.unit", V.Unit), null) : null;
        var values = new List<IndicatorColumn>();
        switch (valueColumns)
        {
            case "split":
                var split = axes.Pick("label.splitValue", V.SplitValue, s => $"{s.Group}/{s.Other}|{s.Target}");
                values.Add(new(ColumnRole.OtherValue, split.Other, split.Group));
                values.Add(new(ColumnRole.Value, split.Target, split.Group));
                break;
            case "parallel":
                var parallel = axes.Pick("label.parallelValue", V.ParallelValue, s => $"{s.Other}|{s.Target}");
                values.Add(new(ColumnRole.OtherValue, parallel.Other, null));
                values.Add(new(ColumnRole.Value, parallel.Target, null));
                break;
            default:
                values.Add(new(ColumnRole.Value, Label("label.value", V.Value), null));
                break;
        }
        var order = axes.Pick("targetOrder", "cmp-value-unit", "value-unit-cmp", "value-cmp-unit", "unit-cmp-value");
        foreach (var part in order.Split('-'))
        {
            if (part == "cmp" && comparator is not null) target.Add(comparator);
            if (part == "value") target.AddRange(values);
            if (part == "unit" && unit is not null) target.Add(unit);
        }
        if (describedNames) target.Add(names);

        var extras = new List<IndicatorColumn>();
        void Extra(string name, ColumnRole role, string[] words, double p)
        {
            if (axes.Flag("extra." + name, p)) extras.Add(new(role, axes.Pick("label.extra." + name, words, w => w), null));
        }
        Extra("direction", ColumnRole.Direction, V.DirectionHeader, 0.25);
        Extra("weight", ColumnRole.Weight, V.WeightHeader, 0.25);
        Extra("valueType", ColumnRole.ValueType, V.ValueTypeHeader, 0.15);
        Extra("explanation", ColumnRole.Explanation, V.ExplanationHeader, 0.2);
        Extra("scoring", ColumnRole.Scoring, V.ScoringHeader, 0.15);
        Extra("remark", ColumnRole.Remark, V.RemarkHeader, 0.3);
        var extrasAt = extras.Count == 0 ? "none" : axes.Pick("extrasAt", "after", "after", "before");

        var columns = new List<IndicatorColumn>(levels);
        if (extrasAt == "before") columns.AddRange(extras);
        columns.AddRange(target);
        if (extrasAt != "before") columns.AddRange(extras);
        if (group == "all")
            columns = columns.Select(c => c with { Group = groupWord }).ToList();
        // Two columns under one word (指标方向 for the signs and for 正向/反向): the extra one gives way.
        var headers = new HashSet<string>();
        columns = columns.Where(c => headers.Add(c.Header) || c.Role is not (ColumnRole.Direction or ColumnRole.ValueType or ColumnRole.Explanation)).ToList();

        var levelCells = axes.Pick("levelCells", "merged", "repeated", "blank");
        var levelNames = axes.Pick("levelNames", "canonical", "canonical", "synonyms", "spaced", "scored", "short", "annotated", "targets", "values", "scoreRange");
        return new IndicatorTable
        {
            Columns = columns,
            TwoRows = group != "none" || valueColumns == "split",
            LevelCells = levelCells,
            LevelNames = levelNames,
            SynonymSet = levelNames == "synonyms" ? axes.Pick("levelSynonyms", LevelSynonyms.Keys.ToArray(), k => k) : "framework",
            LevelPath = levelPath,
            Style = TargetStyle.Choose(axes),
            UnitInName = unitInName,
            UnitBrackets = unitInName ? axes.Pick("unitBrackets", "ascii", "fullWidth") : "ascii",
            UnitNote = unitInName && !comparatorColumn ? axes.Pick("unitNote", "unit", "unit", "bound", "boundStars") : "unit",
            NamePrefix = axes.Pick("namePrefix", "none", "none", "none", "star", "numbered"),
            EmptyLevel2Rows = axes.Flag("emptyLevel2Rows", 0.2) is var emptyRows && emptyRows,
            EmptyRowName = emptyRows ? axes.Pick("emptyRowName", "blank", "placeholder", "levelWord") : "blank",
            DateCells = axes.Flag("dateCells", 0.5),
        };
    }

    /// <summary>Stray spaces or a line break inside a label, as exports from merged or wrapped cells leave them.</summary>
    public static string Space(string label, string spacing, Random random)
    {
        var bare = label.TrimStart('*');
        if (spacing == "none" || bare.Length < 3 || bare.Contains('（')) return label;
        var at = label.Length - bare.Length + bare.Length / 2;
        return label[..at] + (spacing == "space" ? " " : "\n") + label[at..];
    }

    /// <summary>Writes the header rows at (row, column); columns outside this table in those rows are left alone.</summary>
    public void WriteHeader(VariantGrid grid, int row, int column)
    {
        grid.IndicatorHeader ??= (row, HeaderRows);
        var c = column;
        for (var k = 0; k < Columns.Count; k++)
        {
            var col = Columns[k];
            if (!TwoRows)
            {
                grid.Rows[row][c] = col.Header;
                grid.Merge(row, c, 1, col.Width);
            }
            else if (col.Group is null)
            {
                grid.Rows[row][c] = col.Header;
                grid.Merge(row, c, 2, col.Width);
            }
            else
            {
                // A run of columns under one group word: the word once over all of them.
                var first = k == 0 || Columns[k - 1].Group != col.Group;
                if (first)
                {
                    var span = Columns.Skip(k).TakeWhile(x => x.Group == col.Group).Sum(x => x.Width);
                    grid.Rows[row][c] = col.Group;
                    grid.Merge(row, c, 1, span);
                }
                grid.Rows[row + 1][c] = col.Header;
                grid.Merge(row + 1, c, 1, col.Width);
            }
            c += col.Width;
        }
    }

    private static readonly Dictionary<string, int> Points = new() { ["产出指标"] = 50, ["效益指标"] = 30, ["满意度指标"] = 10, ["成本指标"] = 10 };

    private string LevelName(string name, Random random) => LevelNames switch
    {
        "synonyms" => LevelSynonyms[SynonymSet].GetValueOrDefault(name, name),
        "spaced" => name.Length >= 4 ? name[..2] + " " + name[2..] : name,
        "scored" when Points.TryGetValue(name, out var points) => $"{name}（{points}分）",
        // Template notes on second levels: 数量指标（必填）.
        "annotated" when !Points.ContainsKey(name) => name + (name is "数量指标" or "质量指标" or "时效指标" ? "（必填）" : "（选填）"),
        // Cut short by the export: 产出, 数量, 服务对象满意度 (the word 指标 dropped).
        "short" when name.EndsWith("指标", StringComparison.Ordinal) && name.Length > 3 => name[..^2],
        // Levels called targets by the form: 产出目标, 数量目标, 服务对象满意度目标.
        "targets" when name.EndsWith("指标", StringComparison.Ordinal) => name[..^2] + "目标",
        // Levels called values by the form: 产出值, 数量值, 服务对象满意度值.
        "values" when name.EndsWith("指标", StringComparison.Ordinal) => name[..^2] + "值",
        // A first level with the range of weights its rows may take, after the bracket: 产出指标(40-50)分.
        "scoreRange" when Points.TryGetValue(name, out var most) => $"{name}({Math.Max(0, most - 10)}-{most})分",
        _ => name,
    };

    private static readonly Dictionary<string, string[]> StandardLevel2 = new()
    {
        ["产出指标"] = ["数量指标", "质量指标", "时效指标", "成本指标"],
        ["效益指标"] = ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
    };

    /// <summary>The table's rows for these indicators: with empty rows for standard second levels left unfilled, where the variant keeps them.</summary>
    public IReadOnlyList<CanonIndicator> RowsFor(IReadOnlyList<CanonIndicator> indicators)
    {
        if (!EmptyLevel2Rows) return indicators;
        var rows = new List<CanonIndicator>();
        for (var k = 0; k < indicators.Count; k++)
        {
            rows.Add(indicators[k]);
            var level1 = indicators[k].Level1;
            var endOfBlock = k == indicators.Count - 1 || indicators[k + 1].Level1 != level1;
            if (!endOfBlock || !StandardLevel2.TryGetValue(level1, out var standard)) continue;
            var present = indicators.Where(i => i.Level1 == level1).Select(i => i.Level2).ToHashSet();
            // A 101号 cost-first table has no 成本指标 under 产出指标: only the classic scheme's gaps are kept.
            var costFirst = indicators.Any(i => i.Level1 == "成本指标");
            foreach (var missing in standard.Where(l2 => !present.Contains(l2) && !(costFirst && l2 == "成本指标")).Take(1))
                rows.Add(new CanonIndicator(level1, missing, "", "", null, "", ""));
        }
        return rows;
    }

    /// <summary>Writes one row per indicator from (row, column); returns the number of rows written.</summary>
    public int WriteRows(VariantGrid grid, int row, int column, IReadOnlyList<CanonIndicator> indicators, Random random)
    {
        var level1Start = row;
        var level2Start = row;
        for (var k = 0; k < indicators.Count; k++)
        {
            var i = indicators[k];
            var r = row + k;
            var newLevel1 = k == 0 || indicators[k - 1].Level1 != i.Level1;
            var newLevel2 = newLevel1 || indicators[k - 1].Level2 != i.Level2;
            var empty = i.Name.Length == 0;
            var other = empty ? (null, "") : TargetWriting.OtherValue(i);
            var c = column;
            foreach (var col in Columns)
            {
                var comparatorColumn = Columns.Any(x => x.Role == ColumnRole.Comparator);
                var unitColumn = Columns.Any(x => x.Role == ColumnRole.Unit);
                var text = empty && col.Role is not (ColumnRole.Level1 or ColumnRole.Level2) ? (col.Role == ColumnRole.Level3 ? EmptyName(i) : "") : col.Role switch
                {
                    ColumnRole.Level1 => newLevel1 || LevelCells == "repeated" ? LevelName(i.Level1, random) : "",
                    ColumnRole.Level2 => newLevel2 || LevelCells == "repeated" ? LevelName(i.Level2, random) : "",
                    ColumnRole.Level3 => NameCell(i, k),
                    ColumnRole.Comparator => TargetWriting.ComparatorCell(i, Style, random),
                    ColumnRole.Value => TargetWriting.ValueCell(i, i.Value, i.Qualitative, Style, comparatorColumn || BoundInName(i), unitColumn || UnitInName, random),
                    ColumnRole.OtherValue => TargetWriting.ValueCell(i, other.Value, other.Qualitative, Style, comparatorColumn || BoundInName(i), unitColumn || UnitInName, random),
                    ColumnRole.Unit => TargetWriting.UnitCell(i, Style),
                    ColumnRole.Direction => i.Comparator is "<=" or "<" ? "反向" : "正向",
                    ColumnRole.Weight => (indicators.Count <= 10 ? 10 : 5).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ColumnRole.Remark => V.RemarkText[random.Next(V.RemarkText.Length)],
                    ColumnRole.Explanation => $"反映{i.Name}情况。",
                    ColumnRole.Scoring => V.ScoringText[random.Next(V.ScoringText.Length)],
                    ColumnRole.ValueType => i.IsQualitative ? "定性" : "定量",
                    _ => "",
                };
                grid.Rows[r][c] = text;
                if (DateCells && col.Role == ColumnRole.Value && i.IsQualitative && IsoDate().IsMatch(text)) grid.DateCells.Add((r, c));
                if (col.Width > 1 && text.Length > 0) grid.Merge(r, c, 1, col.Width);
                c += col.Width;
            }
            if (LevelCells == "merged")
            {
                var last = k == indicators.Count - 1;
                var endLevel1 = last || indicators[k + 1].Level1 != i.Level1;
                var endLevel2 = endLevel1 || indicators[k + 1].Level2 != i.Level2;
                if (newLevel1) level1Start = r;
                if (newLevel2) level2Start = r;
                if (endLevel1 && ColumnAt(ColumnRole.Level1, column) is { } c1) grid.Merge(level1Start, c1, r - level1Start + 1, 1);
                if (endLevel2 && ColumnAt(ColumnRole.Level2, column) is { } c2) grid.Merge(level2Start, c2, r - level2Start + 1, 1);
            }
        }
        return indicators.Count;
    }

    /// <summary>The name cell of a row left unfilled: nothing, the template's 指标1 / ……, or the second level written again.</summary>
    private string EmptyName(CanonIndicator i) => EmptyRowName switch
    {
        "placeholder" => i.Level2.Length % 2 == 0 ? "指标1" : "……",
        "levelWord" => i.Level2,
        _ => "",
    };

    private string NameCell(CanonIndicator i, int index)
    {
        var name = NamePrefix switch
        {
            "star" when index % 2 == 0 => "*" + i.Name,
            "numbered" => $"指标{index + 1}：{i.Name}",
            _ => i.Name,
        };
        if (LevelPath) name = $"{i.Level1}-{i.Level2}-{name}";
        if (!UnitInName || i.IsQualitative || i.Unit.Length == 0) return name;
        var unit = UnitBrackets == "fullWidth" ? i.Unit.Replace('(', '（').Replace(')', '）') : i.Unit;
        if (BoundInName(i))
        {
            var sign = i.Comparator switch { ">=" => "≥", "<=" => "≤", ">" => "＞", _ => "＜" };
            unit = sign + (UnitNote == "boundStars" ? "**" : "") + unit;
        }
        return $"{name}（{unit}）";
    }

    /// <summary>Whether the name's note carries the target's bound (and the value cell only the figure).</summary>
    private bool BoundInName(CanonIndicator i) =>
        UnitNote != "unit" && UnitInName && !i.IsQualitative && i.Unit.Length > 0 && i.Comparator is ">=" or "<=" or ">" or "<";

    private int? ColumnAt(ColumnRole role, int column)
    {
        var c = column;
        foreach (var col in Columns)
        {
            if (col.Role == role) return c;
            c += col.Width;
        }
        return null;
    }
}
