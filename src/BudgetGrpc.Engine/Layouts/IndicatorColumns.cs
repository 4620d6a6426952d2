using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>
/// Reads indicator rows of a table with 一级/二级/三级 columns (long layout, and the indicator part of a form).
/// Level cells that are empty or merged carry the level of the row above, within one project.
/// </summary>
internal sealed class IndicatorColumns(HeaderRow header)
{
    private readonly int _l1 = header[ColumnRole.Level1], _l2 = header[ColumnRole.Level2], _l3 = header[ColumnRole.Level3];
    private readonly int _cmp = header[ColumnRole.Comparator], _value = header[ColumnRole.Value], _unit = header[ColumnRole.Unit];
    private readonly int _weight = header[ColumnRole.Weight], _direction = header[ColumnRole.Direction];
    private string _level1 = "", _level2 = "";

    public void StartProject()
    {
        _level1 = "";
        _level2 = "";
    }

    public bool HasAny(CellGrid grid, int r) =>
        !string.IsNullOrWhiteSpace(grid[r, _l3]) || !string.IsNullOrWhiteSpace(grid[r, _value]) || !string.IsNullOrWhiteSpace(grid[r, _l2]);

    public void Read(CellGrid grid, int r, ProjectDraft project)
    {
        var l1Text = CellValues.Line(grid[r, _l1]);
        var l2Text = CellValues.Line(grid[r, _l2]);
        if (l1Text.Length > 0)
        {
            var level1 = LevelNames.Level1(l1Text) ?? CellValues.Key(l1Text);
            if (level1 != _level1) _level2 = "";
            _level1 = level1;
        }
        if (l2Text.Length > 0)
        {
            // A 满意度 row may name its first level in the second-level column only.
            if (l1Text.Length == 0 && LevelNames.Level1(l2Text) is { } l1FromL2 && LevelNames.Level2(l2Text, l1FromL2) is null)
                _level1 = l1FromL2;
            _level2 = LevelNames.Level2(l2Text, _level1.Length > 0 ? _level1 : null) ?? CellValues.Key(l2Text);
            if (_level1.Length == 0 && LevelNames.Level1(l2Text) is { } inferred) _level1 = inferred;
        }
        if (_level1.Length > 0 && _level2.Length == 0 && _level1 == LevelNames.Satisfaction)
            _level2 = LevelNames.Level2("满意度", _level1) ?? "服务对象满意度指标";
        if (_level1.Length > 0 && _level2.Length > 0)
            project.AddHeading(_level1, _level2, grid.Ref(r, _l2 >= 0 ? _l2 : _l1, header.NameOf(_l2 >= 0 ? _l2 : _l1)));

        var name = CellValues.Line(grid[r, _l3]);
        var valueCell = CellValues.Line(grid[r, _value]);
        if (name.Length == 0 && valueCell.Length == 0) return;
        var comparatorCell = CellValues.Line(grid[r, _cmp]);
        var unitCell = CellValues.Line(grid[r, _unit]);
        var direction = CellValues.Line(grid[r, _direction]);
        var target = _cmp >= 0 || _unit >= 0
            ? TargetParser.FromColumns(comparatorCell, valueCell, unitCell, direction)
            : TargetParser.Parse(valueCell);
        project.Indicators.Add(new Indicator
        {
            Level1 = _level1,
            Level2 = _level2,
            Name = name,
            Comparator = target.Comparator,
            Value = target.Value,
            QualitativeValue = target.QualitativeValue,
            Unit = target.Unit,
            Flags = target.Flags,
            Text = JoinText(name, comparatorCell, valueCell, unitCell),
            Source = grid.Ref(r, _l3 >= 0 ? _l3 : _value, header.NameOf(_l3 >= 0 ? _l3 : _value)),
            Weight = _weight >= 0 ? CellValues.Amount(grid[r, _weight]) : null,
            Direction = DirectionWord(direction),
        });
    }

    private static string JoinText(string name, string comparator, string value, string unit)
    {
        var target = comparator is "定性" ? value : comparator + value;
        if (unit.Length > 0 && !value.EndsWith(unit, StringComparison.Ordinal)) target += unit;
        return target.Length == 0 ? name : name + " " + target;
    }

    private static string DirectionWord(string text) =>
        text.Contains("反向") ? "反向" : text.Contains("正向") ? "正向" : "";
}
