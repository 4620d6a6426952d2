using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>
/// One project per form: a header block of label/value cells (项目名称, 主管部门, 资金…, 年度目标) and an indicator
/// table below it. A grid may hold several forms one under another; each starts at its 项目名称 row.
/// </summary>
internal static class FormLayout
{
    /// <summary>Rows where a form starts: a 项目名称 label with a value beside it.</summary>
    public static List<int> FindForms(CellGrid grid)
    {
        var starts = new List<int>();
        for (var r = 0; r < grid.RowCount; r++)
        {
            var cells = DistinctCells(grid, r);
            for (var k = 0; k + 1 < cells.Count; k++)
                if (FormLabels.Of(cells[k].Text) == FormField.Name && FormLabels.Of(cells[k + 1].Text) == FormField.None)
                {
                    starts.Add(r);
                    break;
                }
        }
        return starts;
    }

    public static void Read(CellGrid grid, List<int> starts, TableReading reading)
    {
        for (var f = 0; f < starts.Count; f++)
        {
            var end = f + 1 < starts.Count ? starts[f + 1] : grid.RowCount;
            ReadForm(grid, starts[f], end, reading);
        }
    }

    private static void ReadForm(CellGrid grid, int start, int end, TableReading reading)
    {
        string name = "", code = "", objectives = "";
        decimal? total = null, groupAmount = null;
        SourceRef nameRef = grid.Ref(start, 0);
        var attributes = new Dictionary<string, string>();
        var r = start;
        HeaderRow? indicatorHeader = null;
        for (; r < end; r++)
        {
            if (HeaderRow.CountRoles(grid, r) >= 3 && HeaderRow.Read(grid, r) is { } h && h.Has(ColumnRole.Level1) && h.Has(ColumnRole.Level2))
            {
                indicatorHeader = h;
                break;
            }
            var cells = DistinctCells(grid, r);
            for (var k = 0; k < cells.Count; k++)
            {
                var label = FormLabels.Of(cells[k].Text);
                if (label == FormField.None) continue;
                if (label == FormField.AmountGroup) reading.Title.SetAmountUnitIfUnknown(TitleBlock.FindAmountUnit(cells[k].Text));
                var hasValue = k + 1 < cells.Count && FormLabels.Of(cells[k + 1].Text) == FormField.None;
                if (!hasValue) continue;
                var value = cells[k + 1];
                k++;
                switch (label)
                {
                    case FormField.Name:
                        name = CellValues.Line(value.Text);
                        nameRef = grid.Ref(r, value.Column, cells[k - 1].Text);
                        break;
                    case FormField.Code: code = CellValues.Line(value.Text); break;
                    case FormField.TotalAmount: total ??= CellValues.Amount(value.Text); break;
                    case FormField.AmountGroup: groupAmount ??= CellValues.Amount(value.Text); break;
                    case FormField.Objectives: objectives = value.Text; break;
                    default:
                        attributes[CellValues.Line(cells[k - 1].Text)] = CellValues.Line(value.Text);
                        if (FormLabels.Of(cells[k - 1].Text) == FormField.Other && CellValues.Key(cells[k - 1].Text) == "主管部门")
                            reading.Title.SetDepartmentIfUnknown(CellValues.Line(value.Text));
                        break;
                }
            }
            // Lines such as 单位：万元 or （2025年度） inside the block.
            foreach (var cell in cells)
                if (FormLabels.Of(cell.Text) == FormField.None) reading.Title.AddLine(CellValues.Line(cell.Text));
        }
        if (name.Length == 0) return;
        var project = new ProjectDraft(code.Length > 0 ? code : (reading.Projects.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            name, total ?? groupAmount, nameRef);
        foreach (var (k, v) in attributes) project.Attributes[k] = v;
        if (objectives.Length > 0) project.Objectives.AddRange(ObjectiveText.Split(objectives));
        reading.Projects.Add(project);
        if (indicatorHeader is null) return;

        var columns = new IndicatorColumns(indicatorHeader);
        for (r = indicatorHeader.LastRow + 1; r < end; r++)
        {
            if (RowKinds.IsSkippable(grid, r) || IsBanner(grid, r)) continue;
            columns.Read(grid, r, project);
        }
    }

    /// <summary>A row whose cells all hold one text: a title or note merged across the table.</summary>
    private static bool IsBanner(CellGrid grid, int r)
    {
        var cells = DistinctCells(grid, r);
        return cells.Count == 1;
    }

    /// <summary>The row's non-empty cells with runs of the same text (a horizontal merge) folded into their first cell.</summary>
    internal static List<(int Column, string Text)> DistinctCells(CellGrid grid, int r)
    {
        var cells = new List<(int, string)>();
        string? previous = null;
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            var text = grid[r, c].Trim();
            if (text.Length == 0) { previous = null; continue; }
            if (text == previous) continue;
            cells.Add((c, text));
            previous = text;
        }
        return cells;
    }
}
