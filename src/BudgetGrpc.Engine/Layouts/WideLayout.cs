using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>
/// One row per project; objectives and indicators as free text in two cells (the seed). Rows without a name
/// continue the project above (a page break in the source); 合计 is the declared total; subtotal rows of a
/// department are not projects.
/// </summary>
internal static class WideLayout
{
    public static void Read(CellGrid grid, HeaderRow header, TableReading reading)
    {
        int codeCol = header[ColumnRole.Code], nameCol = header[ColumnRole.ProjectName], amountCol = header[ColumnRole.Amount];
        int objCol = header[ColumnRole.Objectives], unitCol = header[ColumnRole.UnitName];
        var textColumns = header.TextColumns.ToList();
        // A project list with its targets in free text and no actual or score column is a target list.
        if (!header.Has(ColumnRole.Actual) && !header.Has(ColumnRole.Score)) reading.TargetColumnsRead = true;
        reading.Title.SetAmountUnitStatedByTable(TitleBlock.AmountHeaderUnit(header.NameOf(amountCol)));
        ProjectDraft? current = null;

        for (var r = header.LastRow + 1; r < grid.RowCount; r++)
        {
            if (RowKinds.IsSkippable(grid, r)) continue;
            var code = CellValues.Line(grid[r, codeCol]);
            var name = CellValues.Line(grid[r, nameCol]);
            if (RowKinds.IsTotal(code, name))
            {
                reading.SetDeclaredTotal(CellValues.Amount(grid[r, amountCol]), grid.Ref(r, amountCol, header.NameOf(amountCol)));
                continue;
            }
            var objectives = grid[r, objCol];
            var noIndicators = textColumns.All(t => string.IsNullOrWhiteSpace(grid[r, t.Column]));
            if (name.Length == 0 && code.Length == 0)
            {
                // No name: the text continues the project above, as a PDF page break leaves it.
                if (current is not null) AddTexts(current, grid, r, objCol, textColumns, header, objectives);
                continue;
            }
            var amount = CellValues.LeadingAmount(grid[r, amountCol]);
            if (string.IsNullOrWhiteSpace(objectives) && noIndicators && RowKinds.IsSubtotal(name, reading.Title.Department))
            {
                reading.Title.OfferListedDepartment(RowKinds.StripUnitCode(name));
                continue;
            }
            // A category over the projects under it (特定目标类 | 1,250,000.00 and nothing else) is no project.
            if (string.IsNullOrWhiteSpace(objectives) && noIndicators && code.Length == 0 && NextRowHasIndicators(grid, r, nameCol, textColumns))
                continue;
            current = new ProjectDraft(code.Length > 0 ? code : "", name, amount, grid.Ref(r, nameCol, header.NameOf(nameCol)));
            if (unitCol >= 0) current.Unit = CellValues.Line(grid[r, unitCol]);
            reading.Projects.Add(current);
            AddTexts(current, grid, r, objCol, textColumns, header, objectives);
        }
    }

    private static bool NextRowHasIndicators(CellGrid grid, int r, int nameCol, List<(int Column, string? Level1)> textColumns)
    {
        for (var next = r + 1; next < grid.RowCount; next++)
        {
            if (RowKinds.IsSkippable(grid, next)) continue;
            return CellValues.Line(grid[next, nameCol]).Length > 0 && textColumns.Any(t => !string.IsNullOrWhiteSpace(grid[next, t.Column]));
        }
        return false;
    }

    private static void AddTexts(ProjectDraft project, CellGrid grid, int r, int objCol, List<(int Column, string? Level1)> textColumns,
        HeaderRow header, string objectives)
    {
        if (objCol >= 0 && !string.IsNullOrWhiteSpace(objectives))
            project.Objectives.AddRange(ObjectiveText.Split(objectives));
        foreach (var (column, level1) in textColumns)
        {
            var indicators = grid[r, column];
            if (string.IsNullOrWhiteSpace(indicators)) continue;
            // 【总体目标】… above 【产出指标-数量指标】 items: with no objectives column, the lines before the first path are the goals.
            if (objCol < 0 && FreeTextIndicators.SplitLeadingGoals(indicators) is ({ Length: > 0 } goals, var rest))
            {
                project.Objectives.AddRange(ObjectiveText.Split(goals));
                indicators = rest;
            }
            var block = FreeTextIndicators.Extract(indicators, grid.Ref(r, column, header.NameOf(column)), level1);
            project.Indicators.AddRange(block.Indicators);
            foreach (var h in block.Headings) project.AddHeading(h.Level1, h.Level2, h.Source);
        }
    }
}
