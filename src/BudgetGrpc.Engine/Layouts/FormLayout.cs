using System.Globalization;
using System.Text.RegularExpressions;
using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using BudgetGrpc.Engine.Words;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>
/// One project per form: a header block of label/value cells (项目名称, 主管部门, 资金…, 年度目标) and an indicator
/// table below it. A grid may hold several forms one under another; each starts at its 项目名称 row. A department-wide
/// table (部门整体支出绩效目标表) is a form that starts at its 部门（单位）名称 row and may list 年度主要任务.
/// </summary>
internal static partial class FormLayout
{
    /// <summary>The most rows a money block in columns takes: its label, the heads, the part heads, the figures.</summary>
    private const int MoneyBlockRows = 4;

    /// <summary>Rows where a form starts: a 项目名称 (or 部门名称) label with a value beside it.</summary>
    public static List<int> FindForms(CellGrid grid, FormField field)
    {
        var starts = new List<int>();
        for (var r = 0; r < grid.RowCount; r++)
            if (OpensForm(grid, r, field)) starts.Add(r);
        return starts;
    }

    /// <summary>The row holds the label (项目名称) with its value beside it or in its cell, not a column word: a form starts.</summary>
    internal static bool OpensForm(CellGrid grid, int r, FormField field)
    {
        var cells = LabelCells(grid, r);
        for (var k = 0; k + 1 < cells.Count; k++)
            if (FormLabels.Of(cells[k].Text) == field && FormLabels.Of(cells[k + 1].Text) == FormField.None && !IsColumnHeader(cells[k + 1].Text))
                return true;
        return false;
    }

    public static void Read(CellGrid grid, List<int> starts, TableReading reading)
    {
        for (var f = 0; f < starts.Count; f++)
        {
            var end = f + 1 < starts.Count ? starts[f + 1] : grid.RowCount;
            ReadForm(grid, starts[f], end, reading);
        }
    }

    /// <param name="unnamed">
    /// For an indicator table with no 项目名称 above it: the project's name once the block is read (from the title, or the
    /// department for a department-wide table); null where a form without a name is no form.
    /// </param>
    internal static void ReadForm(CellGrid grid, int start, int end, TableReading reading, Func<string>? unnamed = null)
    {
        string name = "", code = "", objectives = "", longTerm = "";
        var objectivesFromBlock = false;
        decimal? total = null, groupAmount = null, periodTotal = null;
        SourceRef nameRef = grid.Ref(start, 0);
        var attributes = new Dictionary<string, string>();
        var tasks = new List<string>();
        var inTasks = false;
        var r = start;
        HeaderRow? indicatorHeader = null;
        var (indicatorGrid, indicatorEnd) = (grid, end);
        var budget = new SelfEvaluationBudget();
        var objectivesBlock = new SelfEvaluationObjectives();
        var moneyBlockEnd = -1;
        CutRows? cutMoney = null;
        var sentences = new List<(int Row, int Column, string Level1)>();
        for (; r < end; r++)
        {
            // A header's top row that a page break parted from its second row, too short alone to read as the header.
            if (HeaderRow.CountRoles(grid, r) >= 2 && HeaderRow.Read(grid, r) is { IsIndicatorTable: false } top
                && PartedHeader(grid, top, end) is { } partedTop)
            {
                (indicatorGrid, indicatorHeader, indicatorEnd) = partedTop;
                break;
            }
            if (HeaderRow.CountRoles(grid, r) >= 2 && HeaderRow.Read(grid, r) is { IsIndicatorTable: true } h)
            {
                // The header a page break repeated amid the form's labels: the form goes on under it.
                if (IsRepeatedAheadOfLabels(grid, h, end))
                {
                    r = h.LastRow;
                    continue;
                }
                // Its top row said again right under it (a page break after that row, the next page repeating the header
                // whole): the header is read where it stands whole.
                if (SaidAgainUnder(grid, h, end) is { } again)
                {
                    r = again - 1;
                    continue;
                }
                indicatorHeader = h;
                // A two-row header whose rows a page break parted: its rows joined, over the rows under it.
                if (PartedHeader(grid, h, end) is { } parted) (indicatorGrid, indicatorHeader, indicatorEnd) = parted;
                break;
            }
            if (budget.TryRead(grid, r, reading)) continue;
            // 产出指标 | 质量指标：学校的教育教学秩序良好…: indicators written as sentences under their first level, no header.
            if (LevelSentenceRow(grid, r) is { } sentence)
            {
                sentences.Add(sentence);
                continue;
            }
            var cells = LabelCells(grid, r);
            if (objectivesBlock.TryRead(grid, r, cells))
            {
                if (objectivesBlock.Objectives is { } stated && (objectives.Length == 0 || objectivesFromBlock))
                    (objectives, objectivesFromBlock) = (stated, true);
                continue;
            }
            var labelled = false;
            for (var k = 0; k < cells.Count; k++)
            {
                var label = FormLabels.Of(cells[k].Text);
                if (label == FormField.None) continue;
                labelled = true;
                // 本年度预计投入（元）: a money label names its unit in brackets as an amount header does.
                if (label is FormField.AmountGroup or FormField.TotalAmount) reading.Title.SetAmountUnitStatedByTable(TitleBlock.AmountHeaderUnit(cells[k].Text));
                if (label == FormField.Tasks)
                {
                    // 年度主要任务 merged down beside its task rows: the rest of the row is a task.
                    inTasks = true;
                    var rest = cells.Skip(k + 1).ToList();
                    if (rest.Count > 0 && FormLabels.Of(rest[0].Text) == FormField.None && Task(rest) is { } inline) tasks.Add(inline);
                    break;
                }
                if (label != FormField.TaskHeader) inTasks = false;
                // A column header beside a label (单位名称 | 金额（万元） of an allocation table) is no value.
                var hasValue = k + 1 < cells.Count && FormLabels.Of(cells[k + 1].Text) == FormField.None
                    && !IsColumnHeader(cells[k + 1].Text);
                var labelCell = cells[k];
                string? value = hasValue ? cells[++k].Text : null;
                var valueColumn = hasValue ? cells[k].Column : -1;
                // 本年度预计投入 over 财政拨款 | 其他资金 | 合计 and their figures: the amount stands in the block's columns.
                if (value is null && label is FormField.TotalAmount or FormField.AmountGroup
                    && MoneyColumns.Read(grid, r, labelCell.Column, end) is { } block)
                {
                    if (label == FormField.TotalAmount) total ??= block.Amount;
                    else groupAmount ??= block.Amount;
                    moneyBlockEnd = block.LastRow;
                    reading.Title.SetAmountUnitIfUnknown(block.GluedUnit);
                    break;
                }
                // The grid ends within the block's heads (a page break before the part heads or the figures): kept for the
                // next grid, which the form's indicators come in too.
                if (value is null && label is FormField.TotalAmount or FormField.AmountGroup && end == grid.RowCount && r + MoneyBlockRows > end)
                    cutMoney ??= new CutRows(grid, r, labelCell.Column);
                // 年度资金总额 | 金额（万元） over the sources listed row under row with their figures.
                if (value is null && label == FormField.TotalAmount && k + 1 < cells.Count && IsColumnHeader(cells[k + 1].Text)
                    && MoneyList.Read(grid, r, labelCell.Column, cells[k + 1].Column, end) is { } list)
                {
                    total ??= list.Amount;
                    moneyBlockEnd = list.LastRow;
                    reading.Title.SetAmountUnitStatedByTable(TitleBlock.FindAmountUnit(cells[k + 1].Text));
                    break;
                }
                // 总体目标 | 年度目标 | goals: the sub-label beside it holds the value, not the row below.
                if (value is null && label is FormField.TotalAmount or FormField.Objectives
                    && !(k + 1 < cells.Count && FormLabels.Of(cells[k + 1].Text) == label))
                    (value, valueColumn) = Below(grid, r, labelCell.Column, end);
                if (value is null) continue;
                switch (label)
                {
                    case FormField.Name:
                    case FormField.DepartmentName when reading.Kind == DisclosureKind.DepartmentTargets:
                        if (name.Length == 0)
                        {
                            name = CellValues.Line(value);
                            nameRef = grid.Ref(r, valueColumn, labelCell.Text);
                            if (label == FormField.DepartmentName) reading.Title.SetDepartment(name);
                        }
                        break;
                    case FormField.Code: code = CellValues.Line(value); break;
                    case FormField.TotalAmount:
                        total ??= CellValues.LeadingAmount(value);
                        reading.Title.SetAmountUnitIfUnknown(TitleBlock.GluedAmountUnit(value)); // 1500000.00元
                        break;
                    case FormField.AmountGroup: groupAmount ??= CellValues.LeadingAmount(value); break;
                    case FormField.PeriodAmount:
                        periodTotal ??= CellValues.LeadingAmount(value);
                        attributes[CellValues.Line(labelCell.Text)] = CellValues.Line(value);
                        break;
                    case FormField.Objectives:
                        // A label merged down over several rows, one goal a row: every row's goal.
                        if (objectives.Length == 0) objectives = value;
                        // …unless the value stands under a 长期目标 sub-label of the row above (长期目标 | 年度目标 over their texts).
                        else if (UnderLabel(grid, r, valueColumn, FormField.LongTermObjectives))
                        {
                            if (longTerm.Length == 0) longTerm = value;
                        }
                        else if (grid.IsMergedContinuation(r, labelCell.Column)) objectives += "\n" + value;
                        break;
                    case FormField.LongTermObjectives:
                        if (longTerm.Length == 0) longTerm = value;
                        attributes[CellValues.Line(labelCell.Text)] = CellValues.Line(value);
                        break;
                    case FormField.Department:
                    case FormField.DepartmentName:
                    case FormField.Supervisor:
                        attributes[CellValues.Line(labelCell.Text)] = CellValues.Line(value);
                        // 主管部门 names the unit's supervisor: the unit that fills the table (填报单位：…) is the discloser.
                        reading.Title.Offer(CellValues.Line(value),
                            label == FormField.Supervisor ? TitleBlock.DepartmentSource.SupervisorLabel : TitleBlock.DepartmentSource.FormLabel);
                        break;
                    case FormField.UpperDepartment:
                        // 中央主管部门 above 地方主管部门 of a transfer form: the local one is the table's department.
                        attributes[CellValues.Line(labelCell.Text)] = CellValues.Line(value);
                        reading.Title.Offer(CellValues.Line(value), TitleBlock.DepartmentSource.UpperLevelLabel);
                        break;
                    case FormField.Tasks:
                    case FormField.TaskHeader:
                        break;
                    default:
                        attributes[CellValues.Line(labelCell.Text)] = CellValues.Line(value);
                        break;
                }
            }
            if (!labelled && inTasks && Task(cells) is { } task)
            {
                tasks.Add(task);
                continue;
            }
            if (moneyBlockEnd > r)
            {
                reading.Title.SetAmountUnitStatedByTable(cells.Select(c => TitleBlock.FindAmountUnit(c.Text)).FirstOrDefault(u => u is not null));
                r = moneyBlockEnd;
                continue;
            }
            // Lines such as 单位：万元 or （2025年度） inside the block; a money label's unit (总体资金情况（元）).
            if (!labelled)
                foreach (var cell in cells) reading.Title.AddLine(CellValues.Line(cell.Text));
            else
                // A label that names the unit in its own cell or as label and value (金额单位 | 元, split from 金额单位：元).
                reading.Title.SetAmountUnitStatedByTable(cells.Select(c => TitleBlock.FindAmountUnit(c.Text)).FirstOrDefault(u => u is not null)
                    ?? TitleBlock.FindAmountUnit(string.Join("：", cells.Select(c => c.Text))));
        }
        if (name.Length == 0 && unnamed is not null) name = unnamed();
        if (name.Length == 0 && unnamed is null) return;
        // A form that states only its overall goal (整体目标, 实施期目标): that is its objective, unless a page break moved the
        // year's goals under the next page's header (read there).
        var goalsAreLongTerm = objectives.Length == 0 && longTerm.Length > 0;
        if (goalsAreLongTerm) objectives = longTerm;
        // The only unit a form names, where no department is stated anywhere.
        foreach (var (k, v) in attributes)
            if (Lexicon.RoleOf("label", CellValues.Key(k)) == "Other" && CellValues.Key(k).Contains("实施单位")) reading.Title.Offer(v, TitleBlock.DepartmentSource.Unit);
        (code, name) = ProjectCodePrefix.Split(code, name);
        var project = new ProjectDraft(code.Length > 0 ? code : reading.Kind == DisclosureKind.DepartmentTargets ? "" : (reading.Projects.Count + 1).ToString(CultureInfo.InvariantCulture),
            name, budget.Amount ?? total ?? groupAmount ?? periodTotal, nameRef)
        {
            Budget = budget.Build(),
        };
        foreach (var (k, v) in attributes) project.Attributes[k] = v;
        if (objectives.Length > 0) project.Objectives.AddRange(ObjectiveText.Split(objectives));
        if (goalsAreLongTerm) project.LongTermGoals = project.Objectives.Count;
        project.Objectives.AddRange(tasks);
        reading.Projects.Add(project);
        if (indicatorHeader is null && sentences.Count > 0)
        {
            reading.IndicatorTables++;
            foreach (var (row, column, level1) in sentences)
            {
                var block = FreeTextIndicators.Extract(grid[row, column], grid.Ref(row, column), level1);
                project.Indicators.AddRange(block.Indicators);
                foreach (var h in block.Headings) project.AddHeading(h.Level1, h.Level2, h.Source);
            }
            return;
        }
        reading.AwaitingIndicators = indicatorHeader is null ? project : null;
        reading.CutMoney = indicatorHeader is null && project.Amount is null ? cutMoney : null;
        reading.CutHeader = indicatorHeader is null && end == grid.RowCount ? HeaderWordsAtEnd(grid, start, end) : null;
        if (indicatorHeader is null) return;
        reading.IndicatorTables++;
        ReadIndicators(indicatorGrid, indicatorHeader, indicatorHeader.LastRow + 1, indicatorEnd, project, reading);
    }

    /// <summary>
    /// The form's last row when it holds header words without being an indicator header (绩效指标 | 指标单位 | 指标值 | 指标说明
    /// over a second header row that a page break moved to the next page), with the row above when the two are one header
    /// that only the next page's rows tell an indicator header (指标名称 over second levels, the names in 指标说明), or null.
    /// </summary>
    private static CutRows? HeaderWordsAtEnd(CellGrid grid, int start, int end)
    {
        var last = end - 1;
        while (last > start && RowKinds.IsSkippable(grid, last)) last--;
        if (last <= start || HeaderRow.CountRoles(grid, last) < 2) return null;
        var top = last - 1 > start && HeaderRow.CountRoles(grid, last - 1) >= 2 && HeaderRow.Read(grid, last - 1).LastRow == last ? last - 1 : last;
        return new CutRows(grid, top);
    }

    /// <summary>
    /// The goals and the amount (年度资金总额 beside its figure, or a money block in columns) of a form whose label block a
    /// page break cut off, from the rows <paramref name="start"/> to <paramref name="end"/>, where the project has none yet.
    /// </summary>
    internal static void ReadLabelsAbove(CellGrid grid, int start, int end, ProjectDraft project)
    {
        // The year's goals replace the long-term ones the form stood in for them.
        var goals = project.Objectives.Count == project.LongTermGoals;
        for (var r = start; r < end; r++)
        {
            var cells = LabelCells(grid, r);
            for (var k = 0; k < cells.Count; k++)
            {
                var label = FormLabels.Of(cells[k].Text);
                if (k + 1 == cells.Count || FormLabels.Of(cells[k + 1].Text) != FormField.None)
                {
                    // 本年度预计投入 over 一般公共预算 | 其他资金 | 合计 and their figures.
                    if (label is FormField.TotalAmount or FormField.AmountGroup && project.Amount is null
                        && MoneyColumns.Read(grid, r, cells[k].Column, end) is { } block)
                    {
                        project.Amount = block.Amount;
                        r = block.LastRow;
                        break;
                    }
                    continue;
                }
                if (label == FormField.Objectives && goals)
                {
                    project.Objectives.RemoveRange(0, project.LongTermGoals);
                    project.LongTermGoals = 0;
                    project.Objectives.AddRange(ObjectiveText.Split(cells[k + 1].Text));
                    goals = false;
                }
                else if (label == FormField.TotalAmount && project.Amount is null)
                    project.Amount = CellValues.LeadingAmount(cells[k + 1].Text);
            }
        }
    }

    /// <summary>The indicator table of a form, down to the next form, a note or the end of the grid.</summary>
    /// <param name="columns">The previous grid's reader, whose levels carry on, when this grid continues its table.</param>
    internal static void ReadIndicators(CellGrid grid, HeaderRow header, int start, int end, ProjectDraft project, TableReading reading,
        IndicatorColumns? columns = null)
    {
        columns ??= new IndicatorColumns(header);
        // Actual or score columns make a self-evaluation, a department-wide one (部门整体支出绩效自评表) too: the department
        // stands as its one evaluated project.
        if (columns.IsSelfEvaluation && reading.Kind is DisclosureKind.TargetTable or DisclosureKind.DepartmentTargets)
            reading.Kind = DisclosureKind.SelfEvaluation;
        else if (!columns.IsSelfEvaluation && header.Has(ColumnRole.Value) && project.Budget is null) reading.TargetColumnsRead = true;
        // The header's rows are this grid's when the rows read start under them (not when a grid continues another's table).
        var headerAbove = start > header.LastRow;
        // 长期绩效指标 over this header, 年度绩效指标 further down over the year's table: read from the year's.
        if (headerAbove && header.Row > 0 && BlockBanner(grid, header.Row - 1) == "LongTerm" && NextYearBanner(grid, start, end) is var yearBanner and > 0)
            start = yearBanner;
        var headerAtEnd = headerAbove && end == grid.RowCount && Enumerable.Range(start, end - start).All(r => RowKinds.IsSkippable(grid, r))
            ? new CutRows(grid, header.Row) : null;
        reading.Open = new OpenTable(header, columns, Layout.Form, grid.ColumnCount, project, headerAtEnd);
        for (var r = start; r < end; r++)
        {
            if (RowKinds.IsSkippable(grid, r)) continue;
            if (RowKinds.IsNote(grid, r) || RowKinds.IsOptionRow(grid, r)) break;
            // The header of another table of the same notice (序号 | 单位名称 | 金额) ends this one: list words only, wherever
            // they stand, or column words beside the indicator columns left blank.
            if (RowKinds.IsListHeader(grid, r) || RowKinds.StartsListUnder(grid, r, FirstLevelColumn(header))
                || (HeaderRow.CountRoles(grid, r) >= 2 && !HeaderRow.Read(grid, r).IsIndicatorTable && !columns.HasAny(grid, r))) break;
            // The title of another table of the notice (2026年专项资金分配表) alone on its row ends this one, and so does
            // the next form's title block in rows of their own (a text export of forms one under the other).
            if (IsOtherTableTitle(grid, r) || StartsTitleBlock(grid, r, end)) break;
            // 长期绩效指标 over its table, then 年度绩效指标 over the year's: the year's targets are the targets.
            if (BlockBanner(grid, r) == "LongTerm" && NextYearBanner(grid, r + 1, end) is var year and > 0)
            {
                r = year;
                continue;
            }
            // A title, the header again (its group row too: 绩效指标 | 年度绩效指标), 总分 (a self-evaluation reads its
            // total row: weight and score totals).
            if (IsBanner(grid, r) || header.IsRepeatedAt(grid, r) || (headerAbove && header.RepeatsRowAt(grid, r))
                || (IsTotal(grid, r) && !columns.IsSelfEvaluation)) continue;
            columns.Read(grid, r, project, reading);
        }
    }

    /// <summary>The leftmost of the header's level columns (一级, else 二级, else 三级), or -1.</summary>
    private static int FirstLevelColumn(HeaderRow header) =>
        header[ColumnRole.Level1] >= 0 ? header[ColumnRole.Level1]
        : header[ColumnRole.Level2] >= 0 ? header[ColumnRole.Level2] : header[ColumnRole.Level3];

    /// <summary>
    /// Where a label block without a 项目名称 starts: after another table of the notice above it (资金分配表 with its 合计,
    /// whose figures are not the form's), at the performance table's own title; else at the top of the grid.
    /// </summary>
    internal static int StartAfterOtherTable(CellGrid grid, int end)
    {
        var other = false;
        var cells = new List<(int Column, string Text)>(grid.ColumnCount);
        for (var r = 0; r < end; r++)
        {
            DistinctCells(grid, r, cells);
            if (cells.Count != 1)
            {
                // 序号 | 单位名称 | 金额: a header row of column words only.
                if (!other && cells.Count >= 2 && cells.TrueForAll(c => IsColumnHeader(c.Text)) && HeaderRow.CountRoles(grid, r) >= 2)
                    other = true;
                continue;
            }
            var text = CellValues.Line(cells[0].Text);
            if (TitleBlock.IsTitleOfAnotherTable(text)) other = true;
            else if (other && TitleBlock.IsPerformanceTitle(text)) return r;
        }
        return 0;
    }

    /// <summary>A short cell that reads as a column header (金额（万元）, 单位名称), not as a label's value.</summary>
    private static bool IsColumnHeader(string text)
    {
        var key = CellValues.Key(text);
        return key.Length <= 10 && ColumnRoles.Of(key) is not (ColumnRole.None or ColumnRole.Objectives or ColumnRole.Indicators);
    }

    /// <summary>A 合计 / 总分 row under an indicator table.</summary>
    private static bool IsTotal(CellGrid grid, int r)
    {
        foreach (var (column, text) in DistinctCells(grid, r))
            if (!(r > 0 && grid.IsMergedContinuation(r, column) && grid[r - 1, column] == grid[r, column]))
                return Lexicon.RoleOf("row", CellValues.Key(text)) == "Total";
        return false;
    }

    /// <summary>Whether a text opens with a figure (952.22, 86万元).</summary>
    private static bool StartsWithFigure(string text)
    {
        var t = text.TrimStart();
        return t.Length > 0 && char.IsAsciiDigit(t[0]) && CellValues.LeadingAmount(t) is not null;
    }

    /// <summary>Whether the cell at (<paramref name="r"/>, <paramref name="column"/>) stands right under a label of that field.</summary>
    private static bool UnderLabel(CellGrid grid, int r, int column, FormField field) =>
        r > 0 && column >= 0 && !grid.IsMergedContinuation(r, column) && FormLabels.Of(grid[r - 1, column]) == field;

    /// <summary>A value written under its label (年度资金总额 over 120), up to the next label.</summary>
    private static (string? Text, int Column) Below(CellGrid grid, int r, int column, int end)
    {
        if (r + 1 >= end || grid.IsMergedContinuation(r + 1, column)) return (null, -1);
        var text = grid[r + 1, column].Trim();
        if (text.Length == 0 || FormLabels.Of(text) != FormField.None || HeaderRow.CountRoles(grid, r + 1) >= 2) return (null, -1);
        return (text, column);
    }

    /// <summary>A row of a task list (任务名称 | 主要内容 | 预算金额): "name：content".</summary>
    private static string? Task(List<(int Column, string Text)> cells)
    {
        var texts = cells.Select(c => CellValues.Line(c.Text)).Where(t => CellValues.Amount(t) is null).ToList();
        return texts.Count switch
        {
            0 => null,
            1 => texts[0],
            _ => texts[0] + "：" + string.Join("；", texts.Skip(1)),
        };
    }

    /// <summary>A row whose cells all hold one text merged across the table, or a long line alone: a title or a note.</summary>
    private static bool IsOtherTableTitle(CellGrid grid, int r)
    {
        var cells = DistinctCells(grid, r);
        // The block's label merged down beside a blank row (绩 效 项 目 指 标 表 over the indicators) is no title.
        if (cells.Count != 1 || grid.IsMergedContinuation(r, cells[0].Column)) return false;
        var text = CellValues.Line(cells[0].Text);
        return text.Length is >= 6 and <= 40 && text.EndsWith('表') && TitleBlock.IsTitleOfAnotherTable(text);
    }

    /// <summary>
    /// A performance table's title alone on its row with only lines alone on theirs (year, filling unit, amount unit)
    /// from it down to <paramref name="end"/>, where the next form starts.
    /// </summary>
    private static bool StartsTitleBlock(CellGrid grid, int r, int end)
    {
        var cells = DistinctCells(grid, r);
        if (cells.Count != 1 || !TitleBlock.IsPerformanceTitle(CellValues.Line(cells[0].Text))) return false;
        for (var k = r + 1; k < end; k++)
            if (!RowKinds.IsSkippable(grid, k) && DistinctCells(grid, k).Count != 1) return false;
        return true;
    }

    /// <summary>The period a row alone naming an indicator block states (长期绩效指标: LongTerm, 年度绩效指标: Year), or null.</summary>
    private static string? BlockBanner(CellGrid grid, int r)
    {
        var cells = DistinctCells(grid, r);
        return cells.Count == 1 ? Lexicon.RoleOf("indicatorblock", CellValues.Key(cells[0].Text)) : null;
    }

    /// <summary>The row of the year's indicator block's banner from <paramref name="from"/> down, or -1.</summary>
    private static int NextYearBanner(CellGrid grid, int from, int end)
    {
        for (var k = from; k < end; k++)
            if (BlockBanner(grid, k) == "Year") return k;
        return -1;
    }

    private static bool IsBanner(CellGrid grid, int r)
    {
        var cells = DistinctCells(grid, r);
        if (cells.Count != 1) return false;
        var (column, text) = cells[0];
        return text.Length > 30 || (column + 1 < grid.ColumnCount && grid[r, column + 1].Trim() == text);
    }

    /// <summary>
    /// A row of a form without an indicator header that holds a first level alone in a cell and, in a later cell, a second
    /// level followed by its indicator in words (`质量指标：学校的教育教学秩序良好`), or indicators one after another parted by
    /// semicolons, one at least with a figure (`开展文物安全巡查频次8次；验收合格率≥86%。` beside 产出指标 under 年度绩效总目标): the cell to read and its
    /// first level.
    /// </summary>
    private static (int Row, int Column, string Level1)? LevelSentenceRow(CellGrid grid, int r)
    {
        var cells = DistinctCells(grid, r);
        for (var k = 0; k + 1 < cells.Count; k++)
        {
            if (LevelNames.Level1(cells[k].Text) is not { } level1) continue;
            var text = CellValues.Line(cells[^1].Text);
            var colon = text.IndexOfAny([':', '：']);
            if (colon > 0 && colon < text.Length - 1 && LevelNames.Level2(text[..colon], level1) is not null) return (r, cells[^1].Column, level1);
            return IsItemList(cells[^1].Text) ? (r, cells[^1].Column, level1) : null;
        }
        return null;
    }

    /// <summary>Two or more items parted by semicolons or numbered, one of them at least with a figure.</summary>
    private static bool IsItemList(string text)
    {
        var items = ItemStart().Split(text).Select(i => i.Trim().Trim('。', '.')).Where(i => i.Length > 0).ToList();
        return items.Count >= 2 && items.Exists(item => item.Any(char.IsAsciiDigit));
    }

    /// <summary>Where an item starts: after a semicolon, or at its number (1. 2、 （3） ④) at the start or after a space or a stop.</summary>
    [GeneratedRegex(@"[;；]|(?:^|(?<=[\s。]))(?:\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[)）]|[①-⑳])")]
    private static partial Regex ItemStart();

    /// <summary>
    /// Whether the header stands amid the form's labels, as a page break repeats it: the row under it holds only money
    /// heads or form labels (财政资金 | 其他资金 | 合计), or a money part and its figure (其他 | 0), or opens with a form
    /// label (年度目标 | its text), and the header
    /// stands again further down before the next form's name and before any row of levels.
    /// </summary>
    private static bool IsRepeatedAheadOfLabels(CellGrid grid, HeaderRow header, int end)
    {
        var under = header.LastRow + 1;
        if (under >= end) return false;
        var first = DistinctCells(grid, under);
        if (first.Count == 0 || !(FormLabels.Of(first[0].Text) != FormField.None
                || first.TrueForAll(c => SelfEvaluationWords.BudgetRowOf(c.Text) != BudgetRow.None || FormLabels.Of(c.Text) != FormField.None)
                || IsMoneyPartRow(first)))
            return false;
        for (var r = under + 1; r < end; r++)
        {
            // The header again, or its group row over it (年度绩效指标), which says a level word.
            if (header.IsRepeatedAt(grid, r) || header.RepeatsRowAt(grid, r)) return true;
            var cells = DistinctCells(grid, r);
            if (cells.Count > 0 && FormLabels.Of(cells[0].Text) is FormField.Name or FormField.DepartmentName) return false;
            if (cells.Exists(c => LevelNames.IsWordedAsLevel(CellValues.Line(c.Text).Trim()) || LevelPath.Contains(c.Text))) return false;
        }
        return false;
    }

    /// <summary>
    /// A two-row header whose rows a page break parted (blank rows between 指标值 and 中长期指标值 | 年度指标值): the header's
    /// rows and the rows from the first after the gap, as one grid, with the header read whole and the grid's end; null
    /// where the rows are not parted or the row after the gap adds no row to the header.
    /// </summary>
    private static (CellGrid Grid, HeaderRow Header, int End)? PartedHeader(CellGrid grid, HeaderRow header, int end)
    {
        var next = FirstFilledUnder(grid, header, end);
        if (next == header.LastRow + 1 || next >= end) return null;
        var cut = new CutRows(grid, header.Row, EndRow: header.LastRow + 1);
        var joined = cut.Over(grid, next, end);
        return HeaderRow.CountRoles(joined, 0) >= 2 && HeaderRow.Read(joined, 0) is { IsIndicatorTable: true } whole && whole.LastRow >= cut.RowCount
            ? (joined, whole, joined.RowCount) : null;
    }

    /// <summary>The first row under the header that is not blank (a page break's gap), or <paramref name="end"/>.</summary>
    private static int FirstFilledUnder(CellGrid grid, HeaderRow header, int end)
    {
        var next = header.LastRow + 1;
        while (next < end && RowKinds.IsSkippable(grid, next)) next++;
        return next;
    }

    /// <summary>The row under the header (past blank rows) when it says the header's top row again, else null.</summary>
    private static int? SaidAgainUnder(CellGrid grid, HeaderRow header, int end)
    {
        var next = FirstFilledUnder(grid, header, end);
        return next < end && DistinctCells(grid, next) is { Count: >= 2 } cells
            && cells.TrueForAll(c => grid[header.Row, c.Column].Trim() == c.Text.Trim()) ? next : null;
    }

    /// <summary>
    /// 其他 | 0: a part of the form's money beside its figure, the last rows of a money block a page break cut. An
    /// indicator's name that holds a money word (补助发放人数 | 40) is none: it is longer than a money part's word or carries
    /// its levels.
    /// </summary>
    private static bool IsMoneyPartRow(List<(int Column, string Text)> cells) =>
        cells.Count >= 2 && CellValues.Key(cells[0].Text).Length <= MoneyPartLength && !LevelPath.Contains(cells[0].Text)
        && SelfEvaluationWords.BudgetRowOf(cells[0].Text) != BudgetRow.None && cells.Skip(1).All(c => CellValues.Amount(c.Text) is not null);

    /// <summary>The longest money part word (其中：上级补助资金 is 8 characters without its marks).</summary>
    private const int MoneyPartLength = 8;

    /// <summary>
    /// The row's cells as labels and values: a label written with its value in one cell (`项目名称：春耕补贴`) counts as
    /// both.
    /// </summary>
    private static List<(int Column, string Text)> LabelCells(CellGrid grid, int r)
    {
        var cells = DistinctCells(grid, r);
        // 单位名称:某镇政府 填报日期:2021.5.18 alone on its row: a line of the title block, as it stands above a table.
        if (cells.Count == 1 && NextLabel(cells[0].Text) > 0 && FormLabels.Of(cells[0].Text[..cells[0].Text.IndexOfAny([':', '：'])]) != FormField.Name)
            return cells;
        for (var k = 0; k < cells.Count; k++)
        {
            var text = cells[k].Text;
            var colon = text.IndexOfAny([':', '：']);
            if (colon <= 0 || colon == text.Length - 1 || colon > 12) continue;
            // A label that reads as one with its figure glued on (资金总额:952.22) is split all the same.
            if (FormLabels.Of(text) != FormField.None && !StartsWithFigure(text[(colon + 1)..])) continue;
            if (FormLabels.Of(text[..colon]) == FormField.None) continue;
            var value = text[(colon + 1)..].Trim();
            cells[k] = (cells[k].Column, text[..colon]);
            // A second label after the value (某镇政府 填报日期:2021.5.18) ends it and stands as a cell of its own.
            if (NextLabel(value) is var next and > 0)
            {
                cells.Insert(k + 1, (cells[k].Column, value[next..].TrimStart()));
                value = value[..next].TrimEnd();
            }
            cells.Insert(k + 1, (cells[k].Column, value));
            k++;
        }
        return cells;
    }

    /// <summary>The value of a `项目名称：春耕补贴` line, up to a second label after it, or null when the line is no such label.</summary>
    internal static string? NameOnLine(string line)
    {
        var colon = line.IndexOfAny([':', '：']);
        if (colon <= 0 || colon > 12 || FormLabels.Of(line[..colon]) != FormField.Name) return null;
        var value = (NextLabel(line) is var next and > 0 ? line[(colon + 1)..next] : line[(colon + 1)..]).Trim();
        return value.Length > 0 ? value : null;
    }

    /// <summary>Where a second `label:` starts after a space (`某镇政府 填报日期:2021.5.18` → 5), or -1.</summary>
    private static int NextLabel(string text)
    {
        var m = SpacedLabel().Match(text);
        return m.Success && text.IndexOfAny([':', '：']) < m.Index ? m.Index : -1;
    }

    [GeneratedRegex(@"\s+[^\s:：\d]{2,8}[:：]")]
    private static partial Regex SpacedLabel();

    /// <summary>The row's non-empty cells with runs of the same text (a horizontal merge) folded into their first cell.</summary>
    internal static List<(int Column, string Text)> DistinctCells(CellGrid grid, int r) =>
        DistinctCells(grid, r, new List<(int, string)>(grid.ColumnCount));

    /// <summary><see cref="DistinctCells(CellGrid, int)"/> into <paramref name="cells"/>, cleared first: one list for a scan over many rows.</summary>
    internal static List<(int Column, string Text)> DistinctCells(CellGrid grid, int r, List<(int Column, string Text)> cells)
    {
        cells.Clear();
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
