using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>
/// Reads indicator rows of a table with level columns (long layout, and the indicator part of a form).
/// Level cells that are empty or merged carry the level of the row above, within one project. A first level that is
/// not written (no column, or a blank cell above a second level of another family) follows from the second level:
/// 数量指标 belongs to 产出指标.
/// </summary>
/// <param name="nameColumn">The column of the names where no 三级指标 header names one (an outline's 项目 column).</param>
internal sealed class IndicatorColumns(HeaderRow header, int nameColumn = -1)
{
    private readonly int _l1 = header[ColumnRole.Level1], _l2 = header[ColumnRole.Level2];
    private readonly int _l3 = nameColumn >= 0 ? nameColumn : header[ColumnRole.Level3];
    private readonly int _cmp = header[ColumnRole.Comparator], _value = header[ColumnRole.Value], _unit = header[ColumnRole.Unit];
    private readonly int _weight = header[ColumnRole.Weight], _direction = header[ColumnRole.Direction];
    private readonly SelfEvaluationColumns _selfEvaluation = new(header);
    private readonly string _headerUnit = HeaderUnit(header);
    private string _level1 = "", _level2 = "";

    /// <summary>Whether the header has the columns of a self-evaluation (实际完成值, 得分).</summary>
    public bool IsSelfEvaluation => _selfEvaluation.IsSelfEvaluation;

    public void StartProject()
    {
        _level1 = "";
        _level2 = "";
        _selfEvaluation.StartProject();
    }

    public bool HasAny(CellGrid grid, int r) =>
        !string.IsNullOrWhiteSpace(grid[r, _l3]) || !string.IsNullOrWhiteSpace(grid[r, _value]) || !string.IsNullOrWhiteSpace(grid[r, _l2]);

    /// <summary>Reads one row; false when the row holds text in the indicator columns that makes no indicator or heading.</summary>
    public bool Read(CellGrid grid, int r, ProjectDraft project, TableReading reading)
    {
        if (_selfEvaluation.TryReadOtherRow(grid, r, project)) return true;
        var l1Text = SelfEvaluationWords.WithoutLevelWeight(CellValues.Line(grid[r, _l1]), out var l1Weight);
        var l2Text = SelfEvaluationWords.WithoutLevelWeight(CellValues.Line(grid[r, _l2]), out var l2Weight);
        if (l1Text.Length > 0 && LevelNames.Level1(l1Text) is { } level1)
        {
            if (level1 != _level1) _level2 = "";
            _level1 = level1;
        }
        else if (l1Text.Length > 0 && (_l2 < 0 || OutsideTheFramework(l2Text)))
        {
            // No second-level column, or a first level outside the framework over second levels outside it too (a
            // department-wide self-evaluation's 管理指标 over 预算编审管理): the first level as written.
            if (CellValues.Key(l1Text) != _level1) _level2 = "";
            _level1 = CellValues.Key(l1Text);
        }
        if (l2Text.Length > 0)
        {
            // A row may name its first level in the second-level column only (满意度指标, or 效益指标 under a blank first
            // level); under a grouping first level (实施效果指标 | 产出指标) the second-level column holds the real first level.
            // Either way no second level is written: the name tells it.
            var l1InL2 = LevelNames.Level1(l2Text) is { } l1FromL2 && LevelNames.Level2(l2Text, l1FromL2) is null ? l1FromL2 : null;
            if (l1InL2 is not null) _level1 = l1InL2;
            var level2 = l1InL2 is not null ? "" : LevelNames.Level2(l2Text, _level1.Length > 0 ? _level1 : null);
            if (level2 is { Length: > 0 } && (_level1.Length == 0 || (l1Text.Length == 0 && !LevelFamilies.Fits(_level1, level2))))
            {
                // The first level was not written for this block: the second level's family names it.
                _level1 = LevelFamilies.FirstLevelOf(level2, _level1.Length > 0 ? _level1 : null);
                level2 = LevelNames.Level2(l2Text, _level1) ?? level2;
            }
            // 社会公众或服务对象满意度指标 filed under 效益指标 (older templates) is a satisfaction indicator all the same.
            if (level2 == LevelNames.ServiceSatisfaction) _level1 = LevelNames.Satisfaction;
            // 可持续性发展影响指标: a second level worded its own way is the one its words name.
            _level2 = level2 ?? (_level1.Length > 0 && LevelNames.IsWordedAsLevel(l2Text) ? LevelFamilies.Infer(l2Text, _level1).Level2 : CellValues.Key(l2Text));
            if (_level1.Length == 0 && LevelNames.Level1(l2Text) is { } inferred) _level1 = inferred;
        }
        if (_level1.Length > 0 && _level2.Length == 0 && _level1 == LevelNames.Satisfaction)
            _level2 = LevelNames.Level2("满意度", _level1) ?? "服务对象满意度指标";
        if (_level1.Length > 0 && _level2.Length > 0 && !project.HasHeading(_level1, _level2))
            project.AddHeading(_level1, _level2, grid.Ref(r, _l2 >= 0 ? _l2 : _l1, header.NameOf(_l2 >= 0 ? _l2 : _l1)));
        if (l1Weight is not null || l2Weight is not null)
            project.AddLevelWeights(_level1, _level2, l1Weight, l2Weight, grid.Ref(r, l2Weight is null ? _l1 : _l2));

        var nameCell = CellValues.Line(grid[r, _l3]);
        // 产出指标-数量指标-慰问企业户数: both levels written before the name, as a path.
        var path = LevelPath.At(nameCell);
        if (path is { } written)
        {
            (_level1, _level2) = (written.Level1, written.Level2);
            project.AddHeading(_level1, _level2, grid.Ref(r, _l3, header.NameOf(_l3)));
            nameCell = nameCell[written.Length..];
        }
        var valueCell = CellValues.Line(grid[r, _value]);
        // No level column: a level word alone on its row in the name column opens that level (outlines, flat lists).
        if (_l1 < 0 && _l2 < 0 && valueCell.Length == 0 && string.IsNullOrWhiteSpace(grid[r, _cmp]) && OpensLevel(nameCell))
        {
            if (_level1.Length > 0 && _level2.Length > 0)
                project.AddHeading(_level1, _level2, grid.Ref(r, _l3, header.NameOf(_l3)));
            return true;
        }
        // 一级指标 | 指标内容 and no target column: the content cell lists the level's indicators with their targets
        // (1.开展活动场次≥48场；2.新增图书≥6000册), read as free text under the row's levels.
        if (path is null && ListedIndicators(grid, r) is { } listed)
        {
            project.Indicators.AddRange(listed.Indicators);
            foreach (var h in listed.Headings) project.AddHeading(h.Level1, h.Level2, h.Source);
            return true;
        }
        var name = IndicatorNames.FromColumn(nameCell, out var hint);
        // 0 in the name column is a budget system's blank (经济成本指标 | 0 | 0.00%): no name, the row is left out.
        if (name == "0") name = "";
        // 当年在校学生数 | 当年在校学生数4953: the value repeats the name before its figure.
        if (name.Length > 1 && valueCell.Length > name.Length && valueCell.StartsWith(name, StringComparison.Ordinal))
            valueCell = valueCell[name.Length..].TrimStart(' ', ':', '：');
        if (name.Length == 0 && valueCell.Length == 0) return true;
        var comparatorCell = CellValues.Line(grid[r, _cmp]);
        // A row with no target whose name only repeats a level (经济效益指标 | 经济效益指标 | ) or keeps a template's
        // placeholder (指标1, ……, 无) declares its heading, not an indicator: an empty heading is BG202's to report.
        // A real name without a target stays an indicator (comparator "", BG301), as the publication spec has it.
        if (valueCell.Length == 0 && comparatorCell.Length == 0 && !IsSelfEvaluation && IsNoIndicatorName(name)) return true;
        if (name.Length == 0 && _l3 >= 0)
        {
            reading.LeaveOut(grid, r, project, UnreadRowReason.NoIndicatorName);
            return false;
        }
        var unitCell = CellValues.Line(grid[r, _unit]);
        var direction = CellValues.Line(grid[r, _direction]);
        var target = _cmp >= 0 || _unit >= 0
            ? TargetParser.FromColumns(comparatorCell, valueCell, unitCell, direction)
            : TargetParser.Parse(valueCell);
        if (target.Value is not null)
        {
            if (target.Unit.Length == 0 && hint.Unit.Length > 0) target = target with { Unit = hint.Unit };
            else if (target.Unit.Length == 0 && _headerUnit.Length > 0) target = target with { Unit = _headerUnit };
            // A comparator column that states no bound (blank, 定量 under 指标值类型) leaves the name note's bound standing.
            if (target.Comparator == Comparator.Equal && TargetPatterns.FromColumn(comparatorCell) == Comparator.None
                && hint.Comparator is not (Comparator.None or Comparator.Equal))
                target = target with { Comparator = hint.Comparator };
        }
        var level1Name = _level1;
        var level2Name = _level2;
        var flags = target.Flags;
        if (level2Name.Length == 0)
        {
            // No second level written at all: the indicator's words decide, as for free text.
            (level1Name, level2Name) = LevelFamilies.Infer(name, level1Name.Length > 0 ? level1Name : null);
            flags |= IndicatorFlags.InferredLevel2;
        }
        target = TargetParser.DateFromSerial(target, level2Name);
        project.Indicators.Add(_selfEvaluation.Complete(grid, r, new Indicator
        {
            Level1 = level1Name,
            Level2 = level2Name,
            Name = name,
            Comparator = target.Comparator,
            Value = target.Value,
            QualitativeValue = target.QualitativeValue,
            Unit = target.Unit,
            Flags = flags,
            Text = JoinText(name, comparatorCell, valueCell, unitCell),
            Source = grid.Ref(r, _l3 >= 0 ? _l3 : _value, header.NameOf(_l3 >= 0 ? _l3 : _value)),
            Weight = _weight >= 0 ? CellValues.Amount(grid[r, _weight]) : null,
            Direction = DirectionWord(direction),
        }));
        return true;
    }

    /// <summary>
    /// The indicators a name cell lists with their targets where the table has no target column (not a self-evaluation's
    /// name column); null when the cell is a plain name or no item states a target.
    /// </summary>
    private IndicatorBlock? ListedIndicators(CellGrid grid, int r)
    {
        if (_value >= 0 || _cmp >= 0 || _unit >= 0 || _l3 < 0 || _level1.Length == 0 || IsSelfEvaluation) return null;
        var block = FreeTextIndicators.Extract(grid[r, _l3], grid.Ref(r, _l3, header.NameOf(_l3)), _level1, _level2.Length > 0 ? _level2 : null);
        // One item: it must state its target; several: one at least must (an item without one stays an indicator, BG301).
        var targeted = block.Indicators.Count(i => i.Value is not null || i.QualitativeValue.Length > 0);
        return targeted > 0 && (targeted == block.Indicators.Count || block.Indicators.Count >= 2) ? block : null;
    }

    /// <summary>
    /// The unit a target column's header names in brackets for the bare figures under it (指标值（%）, 目标值(万元)), where no
    /// unit column stands; "" for other brackets (指标值（年度）).
    /// </summary>
    private static string HeaderUnit(HeaderRow header)
    {
        if (header[ColumnRole.Value] < 0 || header[ColumnRole.Unit] >= 0) return "";
        IndicatorNames.FromColumn(CellValues.Line(header.NameOf(header[ColumnRole.Value])), out var hint);
        // 年度 / 中期 in brackets name the period the column holds, not a unit.
        return hint.Value is null && hint.Comparator == Comparator.None && !TargetPatterns.IsDateUnit(hint.Unit) ? hint.Unit : "";
    }

    /// <summary>Takes a level word written alone as the current first or second level; false for any other text.</summary>
    private bool OpensLevel(string text)
    {
        var bare = SelfEvaluationWords.WithoutLevelWeight(text, out _);
        if (bare.Length == 0) return false;
        var level1 = LevelNames.Level1(bare);
        var level2 = LevelNames.Level2(bare, level1 ?? (_level1.Length > 0 ? _level1 : null));
        if (level1 is not null && (level2 is null || (level1 == LevelNames.Satisfaction && _level1 != LevelNames.Satisfaction)))
        {
            if (level1 != _level1) _level2 = "";
            _level1 = level1;
            if (level1 == LevelNames.Satisfaction) _level2 = LevelNames.ServiceSatisfaction;
            return true;
        }
        if (level2 is null) return false;
        if (_level1.Length == 0 || !LevelFamilies.Fits(_level1, level2))
            _level1 = LevelFamilies.FirstLevelOf(level2, _level1.Length > 0 ? _level1 : null);
        if (level2 == LevelNames.ServiceSatisfaction) _level1 = LevelNames.Satisfaction;
        _level2 = LevelNames.Level2(bare, _level1) ?? level2;
        return true;
    }

    /// <summary>A second-level cell that names a level of neither rank (预算编审管理, 资产管理).</summary>
    private static bool OutsideTheFramework(string l2Text) =>
        l2Text.Length > 0 && LevelNames.Level2(l2Text, null) is null && LevelNames.Level1(l2Text) is null;

    /// <summary>A name cell that names no indicator: a template's placeholder (指标1, ……), nothing (无), a bare level.</summary>
    internal static bool IsNoIndicatorName(string name) =>
        SelfEvaluationWords.IsPlaceholderName(name) || IndicatorCollector.IsNothing(name)
        || LevelNames.IsLevelName(name);

    private static string JoinText(string name, string comparator, string value, string unit)
    {
        var target = comparator is "定性" or "定量" ? value : comparator + value;
        if (unit.Length > 0 && !value.EndsWith(unit, StringComparison.Ordinal)) target += unit;
        return target.Length == 0 ? name : name + " " + target;
    }

    private static string DirectionWord(string text) =>
        text.Contains("反向") ? "反向" : text.Contains("正向") ? "正向" : "";
}
