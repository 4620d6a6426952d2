using System.Globalization;
using System.Text.RegularExpressions;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using BudgetGrpc.Engine.Words;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>
/// Recognises the layout of each table from its header words and cells (not positions) and maps all tables of a file
/// to one disclosure. Tables that are no disclosure table (navigation on a saved web page) are passed over.
/// </summary>
public static partial class LayoutReader
{
    /// <summary>How far down a table its header may stand (title rows, notes, a blank line or two).</summary>
    private const int HeaderSearchRows = 30;

    public static Disclosure Read(ContainerContent container, string fileName, string sha256)
    {
        var reading = new TableReading();
        var seen = new List<string>();
        foreach (var grid in container.Grids)
        {
            var unitBefore = reading.Title.AmountUnitState;
            var tablesBefore = reading.IndicatorTables;
            foreach (var line in grid.Preamble) reading.Title.AddLine(line);
            var layout = ReadGrid(grid, reading, seen);
            if (layout is not null) reading.Layout ??= layout;
            // A 单位：元 line governs the table right under it: over a table that is no disclosure table (an allocation
            // table after the form, or under its own title), it is not the amounts' unit.
            else if (tablesBefore > 0 || grid.Preamble.Any(TitleBlock.IsTitleOfAnotherTable))
                reading.Title.WithdrawLineUnit(unitBefore);
        }
        if (reading.Layout is null || reading.IndicatorTables == 0)
            throw new DisclosureException(new DisclosureError(DisclosureErrorCode.UnrecognisedLayout,
                "no indicator table found: expected a header with 一级指标/二级指标 and 三级指标 or 指标值 (with 项目名称 " +
                "as a column, or a 项目名称 / 部门名称 label above the table), or 项目名称 with 绩效指标 (one row per project)" +
                (seen.Count > 0 ? "; seen: " + string.Join("; ", seen.Take(3)) : ""), fileName,
                container.Grids.Count > 0 ? container.Grids[0].Ref(0, 0) : null));
        if (reading.Projects.Count == 0)
            throw new DisclosureException(new DisclosureError(DisclosureErrorCode.NoProjects,
                $"the {Name(reading.Layout.Value)} layout was recognised but no project row follows its header", fileName));

        var kind = reading.KindFor(reading.Title.Title);
        var projects = WithStatedScore(reading.Projects.Select(p => p.Build()).ToArray(), kind, reading.Title.StatedScore);
        return new Disclosure
        {
            Source = new SourceInfo(fileName, sha256, container.Format, reading.Layout.Value),
            Kind = kind,
            Title = reading.Title.Title,
            Department = reading.Title.Department,
            FiscalYear = (kind == DisclosureKind.SelfEvaluation ? reading.Title.EvaluationYear ?? reading.Title.FiscalYear : reading.Title.FiscalYear)
                ?? PeriodYear(projects) ?? IndicatorYear(projects),
            AmountUnit = reading.Title.AmountUnit ?? UnstatedUnit(projects, kind),
            DeclaredTotal = reading.DeclaredTotal,
            DeclaredTotalSource = reading.DeclaredTotalSource,
            Projects = projects,
            UnreadRows = reading.UnreadRows.ToArray(),
        };
    }

    /// <summary>
    /// The year of a table whose title block states none, from the projects' periods where all of them lie within one
    /// year (起止时间 | 2022年1月—12月); null where a period spans years or none is stated.
    /// </summary>
    private static int? PeriodYear(IReadOnlyList<Project> projects)
    {
        var years = new HashSet<int>();
        foreach (var p in projects)
            foreach (var (label, value) in p.Attributes)
                if (Lexicon.RoleOf("period", CellValues.Key(label)) == "Label")
                    foreach (Match m in PeriodYearWord().Matches(value)) years.Add(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        return years.Count == 1 ? years.First() : null;
    }

    [GeneratedRegex(@"((?:19|20)\d{2})\s*年")]
    private static partial Regex PeriodYearWord();

    /// <summary>
    /// The year of a table that names none above its rows and no period, from its indicator rows where every year they
    /// name, in names and in targets written as words or dates (完成2021年…任务, 2021.1.1-12.31), is the same; else null.
    /// </summary>
    private static int? IndicatorYear(IReadOnlyList<Project> projects)
    {
        var years = new HashSet<int>();
        foreach (var p in projects)
            foreach (var i in p.Indicators)
                foreach (var text in (ReadOnlySpan<string>)[i.Name, i.QualitativeValue])
                    foreach (Match m in IndicatorYearWord().Matches(text))
                        if (years.Add(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)) && years.Count > 1) return null;
        return years.Count == 1 ? years.First() : null;
    }

    // A year as a word (2021年) or opening a date in figures (2021.1.1, 2021-12-31), not inside a longer number.
    [GeneratedRegex(@"(?<!\d)((?:19|20)\d{2})(?:\s*年|[.\-/]\d{1,2}(?!\d))")]
    private static partial Regex IndicatorYearWord();

    /// <summary>
    /// The unit of a table that states none: 万元, as budget tables are kept, unless a project's amount would then be ten
    /// billion yuan or more (资金总额 2800000.0000 with no unit beside it is 元). A department's whole budget may be that
    /// large, so a department-wide table stays in 万元.
    /// </summary>
    private static string UnstatedUnit(Project[] projects, DisclosureKind kind) =>
        kind != DisclosureKind.DepartmentTargets && projects.Any(p => p.Amount >= ImplausibleTenThousands)
            ? AmountUnits.Yuan : AmountUnits.TenThousandYuan;

    /// <summary>One million 万元 (ten billion yuan): more than any one unit's project is given.</summary>
    private const decimal ImplausibleTenThousands = 1_000_000m;

    /// <summary>A self-evaluation of one project whose total stands above the table (自评总分：95) rather than in a row.</summary>
    private static Project[] WithStatedScore(Project[] projects, DisclosureKind kind, decimal? score)
    {
        if (kind != DisclosureKind.SelfEvaluation || score is null || projects.Length != 1 || projects[0].StatedTotal is not null) return projects;
        return [projects[0] with { StatedTotal = new StatedTotal(null, score, projects[0].Source) }];
    }

    private static Layout? ReadGrid(CellGrid grid, TableReading reading, List<string> seen)
    {
        var limit = Math.Min(grid.RowCount, HeaderSearchRows);
        for (var r = 0; r < limit; r++)
        {
            var roles = HeaderRow.CountRoles(grid, r);
            if (roles < 2) continue;
            var header = HeaderRow.Read(grid, r);
            if (OutlineLayout.Fits(grid, header))
            {
                reading.IndicatorTables++;
                AddTitleRows(grid, r, reading);
                OutlineLayout.Read(grid, header, reading);
                return Layout.Long;
            }
            if (roles >= 3 && header.IsUnitList)
            {
                reading.IndicatorTables++;
                reading.Kind = DisclosureKind.DepartmentTargets;
                AddTitleRows(grid, r, reading);
                LongLayout.Read(grid, header, reading, header.LastRow + 1);
                return Layout.Long;
            }
            if (roles < 3 || !header.IsProjectTable) continue;
            if (header.IsLong)
            {
                reading.IndicatorTables++;
                AddTitleRows(grid, r, reading);
                LongLayout.Read(grid, header, reading, header.LastRow + 1, RepeatsOpenHeader(grid, reading, header) ? reading.Open : null);
                return Layout.Long;
            }
            if (header.Has(ColumnRole.Indicators))
            {
                reading.IndicatorTables++;
                AddTitleRows(grid, r, reading);
                WideLayout.Read(grid, header, reading);
                reading.Open = null;
                return Layout.Wide;
            }
        }

        var projectForms = FormLayout.FindForms(grid, FormField.Name);
        // A 部门名称 row counts only above the indicator table: below it, 单位名称 heads some other table of the notice.
        var firstTable = FirstIndicatorHeader(grid);
        var departmentForms = FormLayout.FindForms(grid, FormField.DepartmentName).Where(r => r < firstTable).ToList();
        // 单位名称 heads project forms too: a department-wide table says so in its title or lists its 年度主要任务.
        var departmentWide = departmentForms.Count > 0
            && (SaysDepartmentWide(grid, departmentForms[0]) || TitleBlock.SaysDepartmentWide(reading.Title.Title)
                || (projectForms.Count == 0 && HasTaskList(grid)));
        // A department-wide table is one form: a 单位名称： fill line above it starts none of its own.
        var forms = departmentWide ? [departmentForms[0]] : projectForms;
        if (forms.Count > 0)
        {
            if (departmentWide) reading.Kind = DisclosureKind.DepartmentTargets;
            AddTitleRows(grid, forms[0], reading);
            var before = reading.IndicatorTables;
            FormLayout.Read(grid, forms, reading);
            if (reading.IndicatorTables == before) seen.Add(Seen(grid, Math.Min(grid.RowCount, HeaderSearchRows)));
            return Layout.Form;
        }

        // A header a page break split under an awaiting form: its top row ended the grid before, the rest tops this one; or
        // the whole header ended it, and this grid's rows, with no header of their own, tell what its columns hold.
        if (reading.AwaitingIndicators is { } split && reading.CutHeader is { } cutHeader
            && cutHeader.Over(grid, grid.RowCount) is var rejoined && HeaderRow.CountRoles(rejoined, 0) >= 2
            && HeaderRow.Read(rejoined, 0) is { IsIndicatorTable: true } whole
            && (whole.LastRow >= cutHeader.RowCount
                || whole.LastRow == cutHeader.RowCount - 1 && !OpensWithIndicatorHeader(grid)))
        {
            (reading.AwaitingIndicators, reading.CutHeader, reading.CutMoney) = (null, null, null);
            reading.IndicatorTables++;
            FormLayout.ReadIndicators(rejoined, whole, whole.LastRow + 1, rejoined.RowCount, split, reading);
            return Layout.Form;
        }

        // A header that ended the grid before with no row under it: read again over this grid's rows, which tell what its
        // columns hold (指标方向 over ≥ signs is the comparator), or whose top row it was (年度绩效指标 | 三级指标 | 指标值 read
        // as a header of its own, its second row 中长期指标值 | 年度指标值 atop this grid). A grid that says the header again
        // whole is read below.
        if (reading.Open is { Layout: Layout.Form, Project: { } headed, HeaderAtEnd: { } top } headerOnly
            && !OpensWithIndicatorHeader(grid)
            && top.Over(grid, grid.RowCount) is var rejoinedGrid && HeaderRow.CountRoles(rejoinedGrid, 0) >= 2
            && HeaderRow.Read(rejoinedGrid, 0) is { IsIndicatorTable: true } rejoinedHeader
            && (rejoinedHeader.LastRow >= top.RowCount || StartsWithIndicatorRows(grid, headerOnly)))
        {
            FormLayout.ReadIndicators(rejoinedGrid, rejoinedHeader, rejoinedHeader.LastRow + 1, rejoinedGrid.RowCount, headed, reading);
            return Layout.Form;
        }

        // An indicator table with no project block above it: the title names the project (or the department).
        for (var r = 0; r < limit; r++)
        {
            if (HeaderRow.CountRoles(grid, r) < 2 || HeaderRow.Read(grid, r) is not { IsIndicatorTable: true } header) continue;
            // A form whose label block ended the grid before (several forms in one table cut by a page): its indicators,
            // even when their header repeats the open table's; its goals and amount may stand above them.
            if (reading.AwaitingIndicators is { } awaiting)
            {
                // The header repeated at the top of a page that broke inside the label block: the block goes on under it
                // (the rest of the money, the goals), then the header again over the indicators.
                var labelsFrom = 0;
                if (HeaderAfterLabels(grid, header) is { } again) (labelsFrom, header, r) = (header.LastRow + 1, again, again.Row);
                // The money block the page cut: its label and heads from the last grid over this grid's part heads and figures.
                if (reading.CutMoney is { } cut && awaiting.Amount is null)
                {
                    var joined = cut.Over(grid, r);
                    awaiting.Amount = MoneyColumns.Read(joined, 0, cut.LabelColumn, joined.RowCount)?.Amount;
                }
                (reading.CutMoney, reading.CutHeader) = (null, null);
                FormLayout.ReadLabelsAbove(grid, labelsFrom, r, awaiting);
                AddTitleRows(grid, r, reading);
                reading.AwaitingIndicators = null;
                reading.IndicatorTables++;
                FormLayout.ReadIndicators(grid, header, header.LastRow + 1, grid.RowCount, awaiting, reading);
                return Layout.Form;
            }
            // The header repeated at the top of the next page: the table goes on.
            if (RepeatsOpenHeader(grid, reading, header) && reading.Open is { Project: { } continued } repeated)
            {
                // Where the open header ended its grid with no row under it, this grid's rows tell its columns, and no
                // level carries over.
                FormLayout.ReadIndicators(grid, header, header.LastRow + 1, grid.RowCount, continued, reading,
                    repeated.HeaderAtEnd is null ? repeated.Columns : null);
                return repeated.Layout;
            }
            // The header repeated at the top of the next page over other column cuts (a PDF's next table, cut anew by a
            // list under it): the same words in the same order (or a two-row header whose top row ended the page before,
            // said again whole); the form goes on under this grid's own columns.
            if (header.Row <= 1 && reading.Open is { Project: { } goingOn, Layout: Layout.Form } recut
                && (recut.Header.SameWordOrder(header) || recut.Header.SameWordsOnTop(header)) && !NamesAnotherProject(grid, recut))
            {
                FormLayout.ReadIndicators(grid, header, header.LastRow + 1, grid.RowCount, goingOn, reading);
                return Layout.Form;
            }
            // The rows above are a label block without a 项目名称 (主管部门, 整体目标 …): read them as one.
            if (SaysDepartmentWide(grid, r) || TitleBlock.SaysDepartmentWide(reading.Title.Title)) reading.Kind = DisclosureKind.DepartmentTargets;
            FormLayout.ReadForm(grid, FormLayout.StartAfterOtherTable(grid, r), grid.RowCount, reading, () => UnnamedProject(grid, reading));
            return Layout.Form;
        }

        // A table broken by a page: a grid as wide as the table before it, starting with its rows, not a header, or under
        // the open table's header words again (too few rows under them to tell again what a column holds).
        if (reading.Open is { } open && grid.ColumnCount <= open.ColumnCount && grid.ColumnCount > open.Header.LastColumn
            && (StartsWithIndicatorRows(grid, open) || RepeatsOpenWords(grid, open) is not null))
        {
            var start = RepeatsOpenWords(grid, open) is { } repeated ? repeated.LastRow + 1 : 0;
            if (open.Layout == Layout.Long) LongLayout.Read(grid, open.Header, reading, start, open);
            else FormLayout.ReadIndicators(grid, open.Header, start, grid.RowCount, open.Project!, reading, open.Columns);
            return open.Layout;
        }

        if (grid.RowCount > 0) seen.Add(Seen(grid, limit));
        return null;
    }

    /// <summary>
    /// The header at the top of the grid (under a group row merged across, 年度绩效指标, if any) when it says the open
    /// table's header words again, column for column, or null.
    /// </summary>
    private static HeaderRow? RepeatsOpenWords(CellGrid grid, OpenTable open)
    {
        var top = grid.RowCount > 1 && RowKinds.IsMergedLine(grid, 0) ? 1 : 0;
        return top + 1 < grid.RowCount && HeaderRow.CountRoles(grid, top) >= 2 && HeaderRow.Read(grid, top) is var header
            && open.Header.SameWordsAs(header) ? header : null;
    }

    /// <summary>
    /// The same header again further down, with form label rows (总体目标, 本级资金 …) and no indicator row between the two.
    /// </summary>
    private static HeaderRow? HeaderAfterLabels(CellGrid grid, HeaderRow header)
    {
        var labels = false;
        var end = Math.Min(grid.RowCount, header.LastRow + 1 + HeaderSearchRows);
        for (var r = header.LastRow + 1; r < end; r++)
        {
            if (HeaderRow.CountRoles(grid, r) >= 2 && HeaderRow.Read(grid, r) is { IsIndicatorTable: true } again
                && ((again[ColumnRole.Level3] == header[ColumnRole.Level3] && again[ColumnRole.Value] == header[ColumnRole.Value])
                    // The same words, their columns told apart only by the indicator rows under the second (names in 指标描述,
                    // second levels under 指标名称).
                    || header.SameWordsAs(again)))
                return labels ? again : null;
            if (Indicators.LevelNames.Level1(grid[r, header[ColumnRole.Level1]]) is not null
                || Indicators.LevelNames.Level2(grid[r, header[ColumnRole.Level2]], null) is not null) return null;
            foreach (var (_, text) in FormLayout.DistinctCells(grid, r))
                if (FormLabels.Of(text) != FormField.None) { labels = true; break; }
        }
        return null;
    }

    /// <summary>The project a 项目名称：… line above the grid names, the nearest such line, or null.</summary>
    private static string? ProjectNamedAbove(CellGrid grid)
    {
        for (var k = grid.Preamble.Count - 1; k >= 0; k--)
            if (FormLayout.NameOnLine(grid.Preamble[k]) is { } named) return named;
        return null;
    }

    /// <summary>A 项目名称：… line above the grid names a project other than the open table's.</summary>
    private static bool NamesAnotherProject(CellGrid grid, OpenTable open) =>
        ProjectNamedAbove(grid) is { } named && named != open.Project?.Name;

    /// <summary>
    /// A header at the very top of a grid with the columns of the table the previous grid left open: its roles at the same
    /// columns, or its words at the same columns when the open header read its roles from as many rows at least (a column
    /// of second levels beside one of names is known only from the rows under it). Not when a 项目名称：… line above the
    /// grid names another project: then it is that project's table under the same header.
    /// </summary>
    private static bool RepeatsOpenHeader(CellGrid grid, TableReading reading, HeaderRow header) =>
        reading.Open is { } open && header.Row <= 1
        && !NamesAnotherProject(grid, open)
        && ((open.Header[ColumnRole.Level3] == header[ColumnRole.Level3] && open.Header[ColumnRole.Value] == header[ColumnRole.Value]
                && open.Header[ColumnRole.Level2] == header[ColumnRole.Level2])
            || (open.Header.SameWordsAs(header) && open.Header.RowsSampled >= header.RowsSampled));

    private static int FirstIndicatorHeader(CellGrid grid)
    {
        for (var r = 0; r < grid.RowCount; r++)
            if (HeaderRow.CountRoles(grid, r) >= 2 && HeaderRow.Read(grid, r).IsIndicatorTable) return r;
        return grid.RowCount;
    }

    /// <summary>
    /// The project of an indicator table with no label block: a 项目名称：… line right above the table names it, else the
    /// title does (or, department-wide, the department).
    /// </summary>
    private static string UnnamedProject(CellGrid grid, TableReading reading) =>
        reading.Kind == DisclosureKind.DepartmentTargets ? reading.Title.Department
        : ProjectNamedAbove(grid) ?? TitleBlock.ProjectNameOf(reading.Title.Title);

    /// <summary>The grid's first row is an indicator header of its own.</summary>
    private static bool OpensWithIndicatorHeader(CellGrid grid) =>
        HeaderRow.CountRoles(grid, 0) >= 2 && HeaderRow.Read(grid, 0).IsIndicatorTable;

    /// <summary>
    /// Its first row reads as an indicator row of the open table: a level name, a level path in the names or a target where
    /// they stood (past a level word standing alone where the names carry the levels).
    /// </summary>
    private static bool StartsWithIndicatorRows(CellGrid grid, OpenTable open)
    {
        for (var r = 0; r < grid.RowCount; r++)
        {
            if (RowKinds.IsSkippable(grid, r)) continue;
            if (HeaderRow.CountRoles(grid, r) >= 2 || RowKinds.IsNote(grid, r) || !open.Columns.HasAny(grid, r)) return false;
            var h = open.Header;
            // 生态效益指标 alone in the name column: the template's row for a level with no indicator, the rows go on under it.
            if (h.LevelsInNames && IsLevelWordAlone(grid, r, h[ColumnRole.Level3])) continue;
            // The template's empty row (…… or 指标2 and nothing else) opening the page: the rows go on under it too.
            if (IsPlaceholderAlone(grid, r, h[ColumnRole.Level3])) continue;
            // A level with its weight (可持续影响指标 10 分, 产出指标（50分）) is a level all the same.
            return Indicators.LevelNames.Level1(WithoutWeight(grid[r, h[ColumnRole.Level1]])) is not null
                || Indicators.LevelNames.Level2(WithoutWeight(grid[r, h[ColumnRole.Level2]]), null) is not null
                || (h.LevelsInNames && Indicators.LevelPath.Contains(grid[r, h[ColumnRole.Level3]]))
                || Indicators.TargetParser.Parse(grid[r, h[ColumnRole.Value]]).Value is not null;
        }
        return false;
    }

    private static string WithoutWeight(string cell) => SelfEvaluationWords.WithoutLevelWeight(CellValues.Line(cell), out _);

    /// <summary>A template's placeholder (……, 指标2) in the names column and nothing else on the row.</summary>
    private static bool IsPlaceholderAlone(CellGrid grid, int r, int column) =>
        column >= 0 && FormLayout.DistinctCells(grid, r) is [var only] && only.Column == column
        && IndicatorColumns.IsNoIndicatorName(CellValues.Line(only.Text).Trim());

    /// <summary>A level word (生态效益指标, 产出指标) in the column and nothing else on the row.</summary>
    private static bool IsLevelWordAlone(CellGrid grid, int r, int column) =>
        column >= 0 && FormLayout.DistinctCells(grid, r) is [var only] && only.Column == column
        && Indicators.LevelNames.IsWordedAsLevel(CellValues.Line(only.Text).Trim());

    /// <summary>What a grid showed, for the error when nothing was recognised: the known header words, else its first cells.</summary>
    private static string Seen(CellGrid grid, int limit)
    {
        var where = grid.Name is null ? "" : grid.Name + " ";
        for (var r = 0; r < limit; r++)
        {
            var words = HeaderRow.KnownWords(grid, r).Take(8).ToList();
            if (words.Count >= 2) return $"{where}row {grid.SourceRow(r)}: {string.Join(" | ", words.Select(Short))}";
        }
        return $"{where}row {grid.SourceRow(0)}: {string.Join(" | ", FormLayout.DistinctCells(grid, 0).Take(6).Select(c => Short(c.Text)))}";
    }

    /// <summary>Whether the grid's title rows, its preamble or the form's own rows call it department-wide.</summary>
    private static bool SaysDepartmentWide(CellGrid grid, int row)
    {
        foreach (var line in grid.Preamble)
            if (TitleBlock.SaysDepartmentWide(line)) return true;
        for (var r = 0; r <= row && r < grid.RowCount; r++)
            foreach (var cell in FormLayout.DistinctCells(grid, r))
                if (cell.Text.Length < 60 && TitleBlock.SaysDepartmentWide(cell.Text)) return true;
        return false;
    }

    private static bool HasTaskList(CellGrid grid)
    {
        for (var r = 0; r < grid.RowCount; r++)
            foreach (var cell in FormLayout.DistinctCells(grid, r))
                if (FormLabels.Of(cell.Text) == FormField.Tasks) return true;
        return false;
    }

    private static void AddTitleRows(CellGrid grid, int headerRow, TableReading reading)
    {
        for (var r = 0; r < headerRow; r++)
            foreach (var cell in FormLayout.DistinctCells(grid, r))
                reading.Title.AddLine(CellValues.Line(cell.Text));
    }

    private static string Short(string text) => text.Length <= 20 ? text : text[..20] + "…";

    private static string Name(Layout layout) => layout.ToString().ToLowerInvariant();
}
