using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>
/// The self-evaluation columns of an indicator table (实际完成值, 分值/权重, 得分, 偏差原因) read beside the target, and
/// the rows that are not indicators: the 总分 / 合计 row and what stands under the table (评价结论, 存在问题, notes).
/// Inert on a target table, whose header names none of these columns.
/// </summary>
internal sealed class SelfEvaluationColumns(HeaderRow header)
{
    private readonly int _actual = header[ColumnRole.Actual], _score = header[ColumnRole.Score], _reason = header[ColumnRole.Reason];
    private readonly int _weight = header[ColumnRole.Weight], _unit = header[ColumnRole.Unit];
    private readonly int _l3 = header[ColumnRole.Level3], _value = header[ColumnRole.Value];

    /// <summary>Whether the header is a self-evaluation's: an actual or a score column.</summary>
    public bool IsSelfEvaluation { get; } = header.Has(ColumnRole.Actual) || header.Has(ColumnRole.Score);

    /// <summary>Set once the indicator part has ended (a total row, or the text under the table).</summary>
    public bool Closed { get; private set; }

    public void StartProject() => Closed = false;

    /// <summary>
    /// Consumes a row that is no indicator of a self-evaluation: the total row (kept as the project's stated total),
    /// the labels under the table, and everything after them. False for indicator rows and on target tables.
    /// </summary>
    public bool TryReadOtherRow(CellGrid grid, int r, ProjectDraft project)
    {
        if (!IsSelfEvaluation) return false;
        var cells = FormLayout.DistinctCells(grid, r);
        if (cells.Count == 0) return Closed;
        var first = cells[0].Text;
        // 偏差大或目标未完成原因分析 | text: one reason for the whole project, above or below the total.
        if (SelfEvaluationWords.IsProjectReasonLabel(first))
        {
            if (cells.Count > 1) project.Attributes[CellValues.Line(first)] = CellValues.Line(cells[1].Text);
            Closed = true;
            return true;
        }
        if (Closed) return true;
        // 总分 | 100 | 96, or 其他需要说明事项 | 无 | 总分 | 100 | 96 | 优: a total label in any cell left of the figures.
        if (cells.Exists(c => SelfEvaluationWords.IsTotalLabel(c.Text) && c.Column != _weight && c.Column != _score))
        {
            var weight = _weight >= 0 && !SelfEvaluationWords.IsTotalLabel(grid[r, _weight]) ? SelfEvaluationNumbers.Read(grid[r, _weight]) : null;
            var score = _score >= 0 && !SelfEvaluationWords.IsTotalLabel(grid[r, _score]) ? SelfEvaluationNumbers.Read(grid[r, _score]) : null;
            project.StatedTotal ??= new StatedTotal(weight, score, grid.Ref(r, _score >= 0 ? _score : cells[0].Column, _score >= 0 ? header.NameOf(_score) : null));
            Closed = true;
            return true;
        }
        if (SelfEvaluationWords.IsBelowTableLabel(first))
        {
            Closed = true;
            return true;
        }
        // Template rows left unfilled (指标2, ……): nothing to read.
        if (SelfEvaluationWords.IsPlaceholderName(CellValues.Line(grid[r, _l3])) && IsBlank(grid, r, _value) && IsBlank(grid, r, _actual) && IsBlank(grid, r, _score))
            return !string.IsNullOrWhiteSpace(grid[r, _l3]);
        return false;
    }

    private static bool IsBlank(CellGrid grid, int r, int column) =>
        column < 0 || SelfEvaluationNumbers.IsBlank(CellValues.Line(grid[r, column]).Trim()) || grid[r, column].Trim().Length == 0;

    /// <summary>The indicator with the row's actual, weight, score and deviation reason added.</summary>
    public Indicator Complete(CellGrid grid, int r, Indicator indicator)
    {
        if (!IsSelfEvaluation) return indicator;
        var actualText = _actual >= 0 ? CellValues.Line(grid[r, _actual]) : "";
        var unitCell = _unit >= 0 ? UnitNames.Normalize(CellValues.Line(grid[r, _unit])) : "";
        return indicator with
        {
            Name = SelfEvaluationWords.WithoutTemplateNumber(indicator.Name),
            Actual = _actual >= 0 ? ReadActual(actualText, indicator, unitCell) : null,
            Weight = _weight >= 0 ? SelfEvaluationNumbers.Read(grid[r, _weight]) : indicator.Weight,
            Score = _score >= 0 ? SelfEvaluationNumbers.Read(grid[r, _score]) : null,
            DeviationReason = _reason >= 0 ? Reason(CellValues.Line(grid[r, _reason])) : "",
        };
    }

    /// <summary>
    /// An actual as written: a number with its unit glued (`10260亩`, `92%`), bare (the unit is the target's or the
    /// unit column's), with the target's sign copied (`≥266米`), or words (已按期完成, 达成预期指标).
    /// </summary>
    public static IndicatorActual ReadActual(string text, Indicator target, string unitCell = "")
    {
        text = text.Trim();
        if (text.Length == 0 || SelfEvaluationNumbers.IsBlank(text)) return IndicatorActual.Empty with { Text = text };
        // A qualitative target is answered in words (已于12月中旬完成 is no quantity of 月), or by the share done: 按时限完成
        // answered 100%.
        var parsed = TargetParser.Parse(text);
        if (target.Comparator == Comparator.Qualitative && target.Value is null && !(parsed.Unit == "%" && parsed.Comparator == Comparator.Equal))
            parsed = Target.Qualitative(text);
        if (parsed.Value is { } value)
        {
            var unit = parsed.Unit.Length > 0 ? parsed.Unit : unitCell.Length > 0 ? unitCell : target.Unit;
            var shown = unitCell.Length > 0 && !text.EndsWith(unitCell, StringComparison.Ordinal) && parsed.Unit.Length == 0 ? text + unitCell : text;
            return new IndicatorActual(SelfEvaluationNumbers.Excel(value), unit, "", shown);
        }
        return new IndicatorActual(null, "", text.TrimEnd('。', '；', ';'), text);
    }

    private static string Reason(string text)
    {
        var t = text.Trim();
        return SelfEvaluationNumbers.IsBlank(t) || t is "无" or "暂无" or "0" or "无偏差" or "无。" ? "" : t;
    }
}

/// <summary>
/// The objectives block of a self-evaluation form: 年度总体目标 | 预期目标 | 实际完成情况 heads, then the objectives
/// under 预期目标 (with or without the 年度总体目标 label repeated beside them, as merged cells or CSV exports leave it).
/// </summary>
internal sealed class SelfEvaluationObjectives
{
    private int _column = -1;
    private int _labelColumn = -1;

    /// <summary>The objectives read under the head, null until then.</summary>
    public string? Objectives { get; private set; }

    /// <summary>
    /// Consumes the head row and the row under it, and the rows after that while the block's label is merged down beside
    /// them: one goal a row (三、目标完成情况 over 年度预期目标 | 具体完成情况, then two rows of goals and achievements).
    /// </summary>
    public bool TryRead(CellGrid grid, int r, List<(int Column, string Text)> cells)
    {
        // 预期目标 | 实际完成情况; 年度目标 | 年度总体目标完成情况, whose achievement head is worded like a goals label.
        if (cells.Exists(c => SelfEvaluationWords.IsObjectivesSubHeader(c.Text)
                && (FormLabels.Of(c.Text) != FormField.Objectives || !SelfEvaluationWords.IsObjectivesTargetHeader(c.Text)))
            // The block's points may stand at the row's end (预期目标 | 目标实际完成情况 | 20).
            && cells.TrueForAll(c => SelfEvaluationWords.IsObjectivesSubHeader(c.Text) || FormLabels.Of(c.Text) == FormField.Objectives
                || (c.Column == cells[^1].Column && CellValues.IsBareFigure(c.Text))))
        {
            _column = cells.Find(c => SelfEvaluationWords.IsObjectivesTargetHeader(c.Text)) is { Text: not null } head ? head.Column : -1;
            _labelColumn = cells[0].Column < _column ? cells[0].Column : -1;
            Objectives = null;
            return true;
        }
        if (_column < 0) return false;
        var column = _column;
        var more = Objectives is not null;
        if (more && (_labelColumn < 0 || !grid.IsMergedContinuation(r, _labelColumn) || grid.IsMergedContinuation(r, column)))
        {
            _column = -1;
            return false;
        }
        if (_labelColumn < 0) _column = -1;
        var text = grid[r, column].Trim();
        if (text.Length == 0 || FormLabels.Of(text) != FormField.None || SelfEvaluationWords.IsObjectivesSubHeader(text))
        {
            _column = -1;
            return false;
        }
        Objectives = more ? Objectives + "\n" + text : text;
        return true;
    }
}

/// <summary>
/// The budget execution block of a self-evaluation form (预算执行情况): a header row of 年初预算数 / 全年预算数 /
/// 全年执行数 / 执行率 / 分值 / 得分 in any order, then 年度资金总额, 其中：财政拨款, 其他资金 rows. Columns are found by
/// their words; values are read from the total row, or from the 财政拨款 row when the total row is all zero.
/// </summary>
internal sealed class SelfEvaluationBudget
{
    private Dictionary<BudgetColumn, int>? _columns;
    // 中央 | 省、地 | 本级 | 其他 | 合计 beside 执行数 | 执行率: the sources laid in columns, their figures in the one row below.
    private List<(int Column, BudgetRow Kind)>? _sourceColumns;
    private decimal? _labelWeight;
    private bool _done;
    private Dictionary<BudgetColumn, decimal?>? _total, _fiscal;
    // The block was opened by words each with its figure beside them: a row under it may state more such pairs.
    private bool _pairRows;
    private SourceRef _source = SourceRef.None;

    /// <summary>Reads the row when it belongs to the budget block; false for any other row.</summary>
    public bool TryRead(CellGrid grid, int r, TableReading reading)
    {
        if (_done) return false;
        var cells = FormLayout.DistinctCells(grid, r);
        if (_columns is null)
        {
            // A role named twice takes the surer word: 年度预算数(万元) over the row labels stands behind 调整后预算数.
            var scored = new Dictionary<BudgetColumn, (int Column, int Score)>();
            foreach (var (column, text) in cells)
                if (SelfEvaluationWords.ScoredBudgetColumnOf(text) is var (role, score) and (not BudgetColumn.None, _)
                    && (!scored.TryGetValue(role, out var held) || score > held.Score))
                    scored[role] = (column, score);
            var map = scored.ToDictionary(s => s.Key, s => s.Value.Column);
            if (!OpensBlock(map)) return false;
            // 预算数 | 6.84 | 到位数 | 6.84 | 执行数 | 6.84: each word with its figure beside it, the year's funds; the rows under
            // it (其中：财政资金 | 6.84 …) have their figures in the same columns.
            // Beside the block's label (资金情况(万元) | 转移支付预算数(A) | 5.8万 | 预算执行率(B/A)) one pair opens it, the next
            // pairs following down the rows (转移支付执行数(B) | 5.6万).
            if (Pairs(cells, grouped: cells.Exists(c => SelfEvaluationWords.IsBudgetGroupLabel(c.Text))) is { } pairs)
            {
                _columns = pairs.ToDictionary(p => p.Key, p => p.Value.Column);
                _total = pairs.ToDictionary(p => p.Key, p => (decimal?)p.Value.Figure);
                _source = grid.Ref(r, cells[0].Column, cells[0].Text);
                _pairRows = true;
                return true;
            }
            _columns = map;
            foreach (var (column, text) in cells)
                if (!map.ContainsValue(column) && SelfEvaluationWords.BudgetRowOf(text) is var source and not BudgetRow.None)
                    (_sourceColumns ??= []).Add((column, source));
            _source = grid.Ref(r, cells[0].Column, cells[0].Text);
            foreach (var (column, text) in cells)
            {
                // A head of the block with its unit in brackets (中央（元）, 合计（万元）, 全年预算数（元）) states the amounts' unit
                // as the table's own words; another cell only where nothing has.
                if (map.ContainsValue(column) || _sourceColumns?.Exists(s => s.Column == column) == true)
                    reading.Title.SetAmountUnitStatedByTable(TitleBlock.AmountHeaderUnit(text));
                reading.Title.SetAmountUnitIfUnknown(TitleBlock.FindAmountUnit(text));
                if (SelfEvaluationWords.IsBudgetGroupLabel(text) && _labelWeight is null)
                    SelfEvaluationWords.WithoutLevelWeight(CellValues.Key(text).Replace("(万元)", "").Replace("(元)", ""), out _labelWeight);
            }
            return true;
        }
        var kind = BudgetRow.None;
        foreach (var (column, text) in cells)
        {
            if (SelfEvaluationWords.IsBudgetGroupLabel(text)) continue;
            if (_columns.Values.Contains(column)) break;
            kind = SelfEvaluationWords.BudgetRowOf(text);
            if (kind != BudgetRow.None) break;
        }
        if (_pairRows && kind == BudgetRow.None && _total is not null && Pairs(cells, grouped: true) is { } more)
        {
            foreach (var (role, (column, figure)) in more)
                if (_total.TryAdd(role, figure)) _columns.TryAdd(role, column);
            return true;
        }
        var values = _columns.ToDictionary(c => c.Key, c => SelfEvaluationNumbers.Read(grid[r, c.Value]));
        if (kind == BudgetRow.None && _total is null && SourceFigure(grid, r) is { } sources)
        {
            // The row of figures under source heads: the year's funds (合计, else the sources added up) with their execution.
            values[BudgetColumn.Adjusted] = values.GetValueOrDefault(BudgetColumn.Adjusted) ?? sources;
            _total = values;
            _done = true;
            return true;
        }
        // The figures right under the heads with no row label (资金情况 | 320.5 | 40 | 360.5 …): the year's funds.
        if (kind == BudgetRow.None && _total is null && !_pairRows && IsFigureRow(cells) && values.Values.Any(v => v is not null))
        {
            _total = values;
            _done = true;
            return true;
        }
        if (kind == BudgetRow.None)
        {
            _done = true;
            return false;
        }
        if (kind == BudgetRow.Total) _total ??= values;
        else if (kind == BudgetRow.Fiscal) _fiscal ??= values;
        return true;
    }

    /// <summary>
    /// Budget words each followed by a figure in the next cell, or null unless two are and one is 预算数 or 执行数 (one is
    /// enough beside the block's label, <paramref name="grouped"/>).
    /// </summary>
    private static Dictionary<BudgetColumn, (int Column, decimal Figure)>? Pairs(List<(int Column, string Text)> cells, bool grouped = false)
    {
        var pairs = new Dictionary<BudgetColumn, (int Column, decimal Figure)>();
        for (var i = 0; i + 1 < cells.Count; i++)
            if (SelfEvaluationWords.BudgetColumnOf(cells[i].Text) is var role and not BudgetColumn.None
                && SelfEvaluationNumbers.Read(cells[i + 1].Text) is { } figure)
                pairs.TryAdd(role, (cells[i + 1].Column, figure));
        return OpensBlock(pairs, least: grouped ? 1 : 2) ? pairs : null;
    }

    /// <summary>A row of figures and nothing else, the block's label aside.</summary>
    private static bool IsFigureRow(List<(int Column, string Text)> cells) =>
        cells.TrueForAll(c => SelfEvaluationWords.IsBudgetGroupLabel(c.Text) || SelfEvaluationNumbers.Read(c.Text) is not null);

    /// <summary>Two budget words or more (<paramref name="least"/>), one of them 预算数 or 执行数: the block's heads.</summary>
    private static bool OpensBlock<T>(Dictionary<BudgetColumn, T> found, int least = 2) =>
        found.Count >= least && (found.ContainsKey(BudgetColumn.Adjusted) || found.ContainsKey(BudgetColumn.Executed));

    /// <summary>The figure under the 合计 head, else the source figures added up; null without source heads or figures.</summary>
    private decimal? SourceFigure(CellGrid grid, int r)
    {
        if (_sourceColumns is not { Count: >= 2 }) return null;
        decimal? total = null, sum = null;
        foreach (var (column, kind) in _sourceColumns)
        {
            if (SelfEvaluationNumbers.Read(grid[r, column]) is not { } figure) continue;
            if (kind == BudgetRow.Total) total ??= figure;
            else sum = (sum ?? 0) + figure;
        }
        return total ?? sum;
    }

    /// <summary>The block as read; null when the form has none.</summary>
    public BudgetExecution? Build()
    {
        if (_columns is null) return null;
        var values = _total;
        if (values is null || AllZero(values)) values = _fiscal is not null && !AllZero(_fiscal) ? _fiscal : values ?? _fiscal;
        if (values is null) return null;
        decimal? Get(BudgetColumn c) => values.TryGetValue(c, out var v) ? v : null;
        // The weight and score are stated on the total row only; the fallback row shows "—" there.
        decimal? TotalOr(BudgetColumn c) => _total is not null && _total.TryGetValue(c, out var v) && v is not null ? v : Get(c);
        return Execution(Get(BudgetColumn.Initial), Get(BudgetColumn.Adjusted), Get(BudgetColumn.Executed), Get(BudgetColumn.Rate), _source)
            with { Weight = TotalOr(BudgetColumn.Weight) ?? _labelWeight, Score = TotalOr(BudgetColumn.Score) };
    }

    /// <summary>
    /// A project's budget execution from its figures: the rate as stated, else executed over the year's budget (全年预算数,
    /// else 年初预算数) in percent, marked computed.
    /// </summary>
    public static BudgetExecution Execution(decimal? initial, decimal? adjusted, decimal? executed, decimal? rate, SourceRef source)
    {
        var budget = adjusted ?? initial;
        var computedRate = rate is null && budget is > 0 && executed is not null;
        return new BudgetExecution
        {
            Initial = initial,
            Adjusted = adjusted,
            Executed = executed,
            ExecutionRate = computedRate ? Math.Round(executed!.Value / budget!.Value * 100m, 2, MidpointRounding.AwayFromZero) : rate,
            ExecutionRateComputed = computedRate,
            Source = source,
        };
    }

    /// <summary>The project amount a self-evaluation states: 全年预算数 / 调整后预算数, else 年初预算数.</summary>
    public decimal? Amount => Build() is { } b ? b.Adjusted ?? b.Initial : null;

    private static bool AllZero(Dictionary<BudgetColumn, decimal?> values) =>
        values.Where(v => v.Key is BudgetColumn.Initial or BudgetColumn.Adjusted or BudgetColumn.Executed).All(v => v.Value is null or 0m);
}

/// <summary>Numbers in self-evaluation cells: scores, weights, rates and amounts.</summary>
internal static class SelfEvaluationNumbers
{
    /// <summary>`9.85`, `98.50%`, `1,250.00`, `10分`; null for blanks and dashes (—, /, -).</summary>
    public static decimal? Read(string raw)
    {
        var text = CellValues.Line(raw).Trim();
        if (text.Length == 0 || IsBlank(text)) return null;
        if (text.EndsWith('%') || text.EndsWith('％')) text = text[..^1];
        else if (text.EndsWith('分')) text = text[..^1];
        return CellValues.Amount(text) is { } v ? Excel(v) : null;
    }

    /// <summary>A cell that states nothing: —, /, -, ——, ……</summary>
    public static bool IsBlank(string text)
    {
        foreach (var ch in text)
            if (ch is not ('—' or '-' or '/' or '／' or '－' or '…' or '.' or ' ' or '\u3000' or '_' or '*')) return false;
        return true;
    }

    /// <summary>
    /// Excel keeps 15 significant digits; a binary artefact beyond them (99.81999999999999) is rounded away.
    /// </summary>
    public static decimal Excel(decimal value)
    {
        if (value == 0m) return value;
        var digits = (int)Math.Floor(Math.Log10((double)Math.Abs(value))) + 1;
        var decimals = 15 - digits;
        if (decimals < 0 || value.Scale <= decimals) return value;
        return Math.Round(value, decimals, MidpointRounding.AwayFromZero) / 1.000000000000000000000000000000000m;
    }
}
