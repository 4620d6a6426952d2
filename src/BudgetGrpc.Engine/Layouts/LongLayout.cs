using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>
/// One row per indicator with 一级/二级/三级/指标值 columns. Project cells (name, amount, objectives) are either
/// merged down over the project's rows or filled only on its first row; level cells likewise.
/// </summary>
internal static class LongLayout
{
    /// <param name="start">The first data row: under the header, or 0 for a grid that continues the previous one.</param>
    /// <param name="continued">The table the previous grid left open, when this grid continues it.</param>
    public static void Read(CellGrid grid, HeaderRow header, TableReading reading, int start, OpenTable? continued = null)
    {
        var current = continued?.Project;
        int codeCol = header[ColumnRole.Code], nameCol = header[ColumnRole.ProjectName], amountCol = header[ColumnRole.Amount];
        int objCol = header[ColumnRole.Objectives], unitNameCol = header[ColumnRole.UnitName];
        // A department-wide list: each unit is the one "project" of its rows.
        if (nameCol < 0) nameCol = unitNameCol;
        reading.Title.SetAmountUnitStatedByTable(TitleBlock.AmountHeaderUnit(header.NameOf(amountCol)));
        var indicators = continued?.Columns ?? new IndicatorColumns(header);
        if (!indicators.IsSelfEvaluation && header.Has(ColumnRole.Value)) reading.TargetColumnsRead = true;
        var sequence = reading.Projects.Count;
        var unitName = "";
        var budgetColumns = indicators.IsSelfEvaluation ? BudgetColumns(grid, header) : [];

        for (var r = start; r < grid.RowCount; r++)
        {
            if (RowKinds.IsSkippable(grid, r)) continue;
            // A note stands outside the indicator columns, fills the whole row (a merged line), or is a label with one
            // value merged across the rest (财政部门审核意见 | 同意).
            if ((!indicators.HasAny(grid, r) || RowKinds.IsMergedLine(grid, r)) && RowKinds.IsNote(grid, r)) break;
            if (header.IsRepeatedAt(grid, r))
            {
                // The header repeated on a new page, with its lower row when it has two (具体指标 under 绩效目标指标).
                if (header.LastRow > header.Row && r + 1 < grid.RowCount && header.RepeatsRowAt(grid, r + 1)) r++;
                continue;
            }
            var code = codeCol >= 0 ? CellValues.Line(grid[r, codeCol]) : "";
            var name = CellValues.Line(grid[r, nameCol]);
            var unitCell = unitNameCol >= 0 ? CellValues.Line(grid[r, unitNameCol]) : "";
            // A self-evaluation's own rows under a project's indicators (总分 with the weight and score totals, 偏差原因分析,
            // 评价结论) written in the project column: the project's, not a new project, and no total of the list's amounts.
            if (current is not null && indicators.IsSelfEvaluation && code.Length == 0 && IsSelfEvaluationRow(name)
                && (amountCol < 0 || CellValues.Amount(grid[r, amountCol]) is null))
            {
                indicators.Read(grid, r, current, reading);
                continue;
            }
            if (RowKinds.IsTotal(code, name) || RowKinds.IsTotal(unitCell, ""))
            {
                reading.SetDeclaredTotal(CellValues.Amount(grid[r, amountCol]), grid.Ref(r, amountCol, header.NameOf(amountCol)));
                continue;
            }
            if (unitCell.Length > 0) unitName = unitCell;
            if (StartsProject(grid, r, nameCol, codeCol, name, code, current))
            {
                if (!indicators.HasAny(grid, r) && string.IsNullOrWhiteSpace(grid[r, objCol]) && RowKinds.IsSubtotal(name, reading.Title.Department))
                {
                    reading.Title.SetDepartmentIfUnknown(RowKinds.StripUnitCode(name));
                    current = null;
                    continue;
                }
                sequence++;
                current = new ProjectDraft(code.Length > 0 ? code : sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    name, CellValues.LeadingAmount(grid[r, amountCol]), grid.Ref(r, nameCol, header.NameOf(nameCol)))
                {
                    Unit = RowKinds.StripUnitCode(unitName),
                };
                if (objCol >= 0 && !string.IsNullOrWhiteSpace(grid[r, objCol]))
                    current.Objectives.AddRange(ObjectiveText.Split(grid[r, objCol]));
                if (budgetColumns.Count > 0)
                {
                    current.Budget = Budget(grid, r, header, budgetColumns);
                    current.Amount ??= current.Budget?.Adjusted ?? current.Budget?.Initial;
                }
                indicators.StartProject();
                reading.Projects.Add(current);
                reading.Title.SetDepartmentIfUnknown(current.Unit);
            }
            else if (name.Length == 0 && code.Length == 0 && unitCell.Length > 0 && !indicators.HasAny(grid, r) && current is null)
            {
                continue; // a unit's subtotal row before its projects
            }
            if (current is not null) indicators.Read(grid, r, current, reading);
            else if (indicators.HasAny(grid, r)) reading.LeaveOut(grid, r, null, UnreadRowReason.NoProject);
        }
        reading.Open = new OpenTable(header, indicators, Layout.Long, grid.ColumnCount, current);
    }

    /// <summary>
    /// A self-evaluation's budget columns beside the project's (年初预算数 | 全年预算数 | 全年执行数 | 执行率, written on each
    /// of its rows): the columns whose head names a budget figure and no other column role. The indicator's own 分值 and
    /// 得分 are not the budget's.
    /// </summary>
    private static Dictionary<BudgetColumn, int> BudgetColumns(CellGrid grid, HeaderRow header)
    {
        var found = new Dictionary<BudgetColumn, (int Column, int Score)>();
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            var text = HeaderRow.HeaderText(grid[header.LastRow, c]);
            if (text.Length == 0 || ColumnRoles.OfCell(text) != ColumnRole.None) continue;
            if (SelfEvaluationWords.ScoredBudgetColumnOf(text) is var (role, score)
                && role is BudgetColumn.Initial or BudgetColumn.Adjusted or BudgetColumn.Executed or BudgetColumn.Rate
                && (!found.TryGetValue(role, out var held) || score > held.Score))
                found[role] = (c, score);
        }
        // A budget figure needs the year's budget or its execution beside it, as a form's block does.
        return found.ContainsKey(BudgetColumn.Adjusted) || found.ContainsKey(BudgetColumn.Executed)
            ? found.ToDictionary(f => f.Key, f => f.Value.Column) : [];
    }

    /// <summary>The budget block of the project whose first row is <paramref name="r"/>, from its budget columns.</summary>
    private static BudgetExecution? Budget(CellGrid grid, int r, HeaderRow header, Dictionary<BudgetColumn, int> columns)
    {
        decimal? Get(BudgetColumn c) => columns.TryGetValue(c, out var column) ? SelfEvaluationNumbers.Read(grid[r, column]) : null;
        var first = columns.Values.Min();
        var budget = SelfEvaluationBudget.Execution(Get(BudgetColumn.Initial), Get(BudgetColumn.Adjusted), Get(BudgetColumn.Executed),
            Get(BudgetColumn.Rate), grid.Ref(r, first, HeaderRow.HeaderText(grid[header.LastRow, first])));
        return budget.IsEmpty ? null : budget;
    }

    private static bool IsSelfEvaluationRow(string name) =>
        SelfEvaluationWords.IsTotalLabel(name) || SelfEvaluationWords.IsBelowTableLabel(name);

    private static bool StartsProject(CellGrid grid, int r, int nameCol, int codeCol, string name, string code, ProjectDraft? current)
    {
        if (name.Length == 0) return false;
        if (grid.IsMergedContinuation(r, nameCol)) return false;
        if (current is null) return true;
        // Exports that repeat the project on every row instead of merging: same name and code is the same project.
        return name != current.Name || (codeCol >= 0 && code.Length > 0 && code != current.Code);
    }
}
