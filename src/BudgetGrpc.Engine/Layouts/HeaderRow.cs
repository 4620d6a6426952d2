using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Reading;
using BudgetGrpc.Engine.Words;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>
/// A recognised header: which column holds what, and the header words as written (for source refs). Roles come from
/// the header words (<see cref="Lexicon"/>), then from what the columns' cells hold (<see cref="ColumnContent"/>): a
/// column of ≥/≤/＝ is the comparator column and a column of 产出指标/效益指标 the first level, whatever their headers say.
/// </summary>
internal sealed class HeaderRow
{
    private readonly Dictionary<ColumnRole, int> _columns = [];
    private readonly Dictionary<int, string> _names = [];
    private readonly Dictionary<int, ColumnRole> _roleAt = [];
    private readonly Dictionary<int, string> _textLevel = [];

    /// <summary>The upper header word spanning a column whose role the lower row names (中期指标 | 年度指标 over 二级指标 …).</summary>
    private readonly Dictionary<int, string> _groupWords = [];

    private HeaderRow(int row, int height, int lastRow)
    {
        Row = row;
        _height = height;
        LastRow = lastRow;
    }

    /// <summary>The header's own rows (one or two), without the repeats a page break put right under it.</summary>
    private readonly int _height;

    /// <summary>The grid row of the header (the first one when the header spans two rows).</summary>
    public int Row { get; }

    /// <summary>The last grid row that belongs to the header.</summary>
    public int LastRow { get; }

    public int this[ColumnRole role] => _columns.TryGetValue(role, out var c) ? c : -1;

    /// <summary>
    /// The free-text indicator columns of a wide table, in order, with the first level a column stands for
    /// (产出指标 | 效益指标 | 满意度指标) or null for one column holding all levels.
    /// </summary>
    public IEnumerable<(int Column, string? Level1)> TextColumns =>
        _roleAt.Where(p => p.Value == ColumnRole.Indicators).OrderBy(p => p.Key)
            .Where(p => _textLevel.ContainsKey(p.Key) || p.Key == this[ColumnRole.Indicators])
            .Select(p => (p.Key, _textLevel.TryGetValue(p.Key, out var l) ? l : null));

    /// <summary>The name column writes both levels before each name (产出指标-数量指标-慰问企业户数).</summary>
    public bool LevelsInNames { get; private set; }

    /// <summary>The rightmost column with a role.</summary>
    public int LastColumn => _columns.Count == 0 ? -1 : _columns.Values.Max();
    public bool Has(ColumnRole role) => _columns.ContainsKey(role);
    public string NameOf(int column) => _names.TryGetValue(column, out var n) ? n : "";

    /// <summary>An indicator table: a level column (first or second) and a name or value column.</summary>
    /// <remarks>A flat list with no level at all (指标名称 | 计量单位 | 指标性质 | 指标值) counts when it has a name and a value
    /// column and at least one other target column; the levels then follow from the names.</remarks>
    public bool IsIndicatorTable =>
        ((Has(ColumnRole.Level1) || Has(ColumnRole.Level2) || LevelsInNames) && (Has(ColumnRole.Level3) || Has(ColumnRole.Value)))
        || (Has(ColumnRole.Level3) && Has(ColumnRole.Value) && (Has(ColumnRole.Comparator) || Has(ColumnRole.Unit) || Has(ColumnRole.Weight)));
    public bool IsLong => IsIndicatorTable && Has(ColumnRole.ProjectName);
    public bool IsProjectTable => Has(ColumnRole.ProjectName);

    /// <summary>
    /// 单位编码 | 单位名称 | 资金总额 | 整体绩效目标 | 一级指标 …: a department-wide table exported one indicator a row, the
    /// unit's cells merged down beside them, with no project column.
    /// </summary>
    public bool IsUnitList => IsIndicatorTable && !Has(ColumnRole.ProjectName) && Has(ColumnRole.UnitName)
        && (Has(ColumnRole.Amount) || Has(ColumnRole.Objectives)) && this[ColumnRole.UnitName] < FirstLevelColumn;

    private int FirstLevelColumn => new[] { this[ColumnRole.Level1], this[ColumnRole.Level2], this[ColumnRole.Level3] }.Where(c => c >= 0).DefaultIfEmpty(-1).Min();

    /// <summary>
    /// Reads the header at <paramref name="row"/>; when the next row refines it (a 绩效指标 cell spanning
    /// 一级/二级/三级 below it, or 指标值 split into 上年实际值 | 本年目标值), both rows are combined, the lower one winning.
    /// </summary>
    public static HeaderRow Read(CellGrid grid, int row)
    {
        var read = ReadHeaders.GetOrCreateValue(grid);
        lock (read)
            if (read.TryGetValue(row, out var known)) return known;
        var header = ReadRow(grid, row);
        lock (read) read.TryAdd(row, header);
        return header;
    }

    // The layout choice, the form reader and the table reader ask for the same header row; a grid is immutable and a
    // header is not changed once read, so each row's header is read once per grid (the entry goes with the grid).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<CellGrid, Dictionary<int, HeaderRow>> ReadHeaders = new();

    private static HeaderRow ReadRow(CellGrid grid, int row)
    {
        var next = row + 1 < grid.RowCount ? row + 1 : -1;
        var twoRows = next >= 0 && ContinuesHeader(grid, row, next);
        // A page break right after the top row of a two-row header, the next page saying the header whole: the header is
        // read where it stands whole.
        if (!twoRows && next + 1 is var under && under > 1 && under < grid.RowCount
            && SaysAgain(grid, row, 1, next) && ContinuesHeader(grid, next, under))
            return Read(grid, next);
        var last = twoRows ? next : row;
        // A page break right under the header that repeated it: the same row (or both rows) again belong to the header.
        var height = last - row + 1;
        for (int again; (again = RepeatedHeight(grid, row, height, last + 1)) > 0;)
            last += again;
        // The second row said again alone under the whole header (the row the break parted from its top row, its merges
        // cut): part of the header too.
        if (twoRows && last + 1 < grid.RowCount && !RowKinds.IsSkippable(grid, last + 1) && SameWords(grid, next, last + 1, 0))
            last++;
        var header = new HeaderRow(row, height, last);
        var valueParts = new List<(int Column, string Text)>();
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            var top = HeaderText(grid[row, c]);
            var bottom = twoRows ? HeaderText(grid[next, c]) : "";
            if (bottom == top) bottom = ""; // a vertical merge filled down
            var topRole = ColumnRoles.OfCell(top);
            var bottomRole = ColumnRoles.OfCell(bottom);
            // A text export that lost the merge leaves the spanning cell over its first sub-column only.
            var underLostSpan = top.Length == 0 && valueParts.Count > 0 && valueParts[^1].Column == c - 1;
            if ((topRole == ColumnRole.Value || underLostSpan) && bottom.Length > 0 && bottomRole is ColumnRole.None or ColumnRole.Value or ColumnRole.Objectives)
            {
                valueParts.Add((c, bottom));
                header._names[c] = top + "/" + bottom;
                continue;
            }
            var (text, role) = bottomRole != ColumnRole.None ? (bottom, bottomRole) : (top, topRole);
            // One free-text column per first level (产出指标 | 效益指标 | 满意度指标, under 绩效指标 or alone).
            if (role is ColumnRole.None or ColumnRole.Indicators
                && Indicators.LevelNames.Level1(bottom.Length > 0 ? bottom : top) is { } level1)
            {
                (text, role) = (bottom.Length > 0 ? bottom : top, ColumnRole.Indicators);
                header._textLevel[c] = level1;
            }
            if (role == ColumnRole.None) continue;
            header._names[c] = text;
            header._roleAt[c] = role;
            if (text == bottom && top.Length > 0) header._groupWords[c] = top;
        }
        header.ChooseYearTarget(valueParts);
        header.AssignColumns();
        header.ResolveBareUnit();
        header.ReadLevelPaths(grid);
        if (header.IsIndicatorTable || header.Has(ColumnRole.Level3)) header.ReadContent(grid);
        return header;
    }

    /// <summary>
    /// Each role to one column: the first, unless several columns carry it with a period in their words
    /// (二级指标（长期） | … | 二级指标（年度）): then the year's.
    /// </summary>
    private void AssignColumns()
    {
        _columns.Clear();
        foreach (var group in _roleAt.OrderBy(p => p.Key).GroupBy(p => p.Value))
        {
            var best = group.First().Key;
            if (group.Count() > 1)
            {
                // Group words tell sets apart only where every column stands under one and they differ (中期指标 | 年度指标),
                // not where one spans some of them (年度绩效指标 over a 单位 beside the table's own 单位 column).
                var sets = group.All(p => _groupWords.ContainsKey(p.Key)) && group.Select(p => _groupWords[p.Key]).Distinct().Count() > 1;
                var bestScore = PeriodScore(best, sets);
                foreach (var (c, _) in group.Skip(1))
                    if (PeriodScore(c, sets) > bestScore) (best, bestScore) = (c, PeriodScore(c, sets));
            }
            _columns[group.Key] = best;
        }
    }

    /// <summary>
    /// How surely a column's words say it holds the year's figures (above 0) or another period's (below 0): its own
    /// word, else the group word spanning it (中期指标 | 年度指标 over two sets of 二级指标 | 三级指标 | 指标值).
    /// </summary>
    private int PeriodScore(int column, bool groupWords)
    {
        var (role, score) = Lexicon.Scored("valuepart", CellValues.Key(NameOf(column)));
        if (role is null && groupWords && _groupWords.TryGetValue(column, out var group))
            (role, score) = Lexicon.Scored("valuepart", CellValues.Key(group));
        return role switch { "Target" => score, "Other" => -score, _ => 0 };
    }

    /// <summary>
    /// Of a value header split in two (上年实际值 | 本年目标值, 中长期指标值 | 年度指标值), the year's target is the
    /// sub-column the lexicon says holds it; the others are extra columns.
    /// </summary>
    private void ChooseYearTarget(List<(int Column, string Text)> parts)
    {
        if (parts.Count == 0) return;
        var best = -1;
        var bestScore = int.MinValue;
        foreach (var (c, text) in parts)
        {
            var (role, score) = Lexicon.Scored("valuepart", CellValues.Key(text));
            var s = role switch { "Target" => score, "Other" => -score, _ => 0 };
            if (s >= bestScore) (best, bestScore) = (c, s); // ties: the later column, as tables put the year last
        }
        foreach (var (c, _) in parts) _roleAt[c] = c == best ? ColumnRole.Value : ColumnRole.Note;
    }

    /// <summary>
    /// Both levels written as paths in the cells: in the name column (产出指标-数量指标-名称) they stand for the level
    /// columns; in a project list's column headed like the objectives (【总体目标】… then 【产出指标-数量指标】 items) that
    /// column holds the indicators.
    /// </summary>
    private void ReadLevelPaths(CellGrid grid)
    {
        bool namesOnly = Has(ColumnRole.Level3) && !Has(ColumnRole.Level1) && !Has(ColumnRole.Level2);
        bool listGoals = !Has(ColumnRole.Indicators) && Has(ColumnRole.ProjectName) && Has(ColumnRole.Objectives);
        if (!namesOnly && !listGoals) return;
        var end = SampleEnd(grid);
        if (namesOnly && ColumnContent.HoldsLevelPaths(grid, LastRow + 1, this[ColumnRole.Level3], end)) LevelsInNames = true;
        if (listGoals && this[ColumnRole.Objectives] is var goals && ColumnContent.HoldsLevelPaths(grid, LastRow + 1, goals, end))
        {
            _columns.Remove(ColumnRole.Objectives);
            _columns[ColumnRole.Indicators] = goals;
            _roleAt[goals] = ColumnRole.Indicators;
        }
    }

    private int _sampleEnd = -1;

    /// <summary>Where the rows sampled for column contents end (see <see cref="ColumnContent.SampleEnd"/>), found once.</summary>
    private int SampleEnd(CellGrid grid) => _sampleEnd >= 0 ? _sampleEnd : _sampleEnd = ColumnContent.SampleEnd(grid, LastRow + 1, r => RepeatedHeight(grid, Row, _height, r));

    /// <summary>
    /// The header's rows said again from <paramref name="r"/> on, word for word (a page break), with the group row above
    /// the header if the page repeats it too (年度绩效指标 over the column words): their count, else 0.
    /// </summary>
    private static int RepeatedHeight(CellGrid grid, int row, int height, int r)
    {
        if (SaysAgain(grid, row, height, r)) return height;
        return row > 0 && SameWords(grid, row - 1, r, 0) && SaysAgain(grid, row, height, r + 1) ? height + 1 : 0;
    }

    /// <summary>
    /// Whether the <paramref name="height"/> header rows from <paramref name="row"/> stand again, word for word, from
    /// <paramref name="at"/> on.
    /// </summary>
    private static bool SaysAgain(CellGrid grid, int row, int height, int at)
    {
        if (at + height > grid.RowCount) return false;
        for (var i = 0; i < height; i++)
            if (!SameWords(grid, row + i, at + i, i == 0 ? 2 : 0)) return false;
        return true;
    }

    /// <summary>How many rows under the header its cells' roles were read from (0 when its words alone gave them).</summary>
    public int RowsSampled { get; private set; }

    /// <summary>Roles that the cells below the header state more surely than its words.</summary>
    private void ReadContent(CellGrid grid)
    {
        var kinds = new Dictionary<int, ColumnRole>(grid.ColumnCount);
        var end = SampleEnd(grid);
        RowsSampled = Math.Max(0, end - LastRow - 1);
        var values = _roleAt.Count(p => p.Value == ColumnRole.Value);
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            // Names, amounts, objectives and a lone value column keep their header's word: only columns whose role the
            // cells may state or correct are read.
            if (_roleAt.TryGetValue(c, out var named) && named is ColumnRole.Level3 or ColumnRole.ProjectName or ColumnRole.Amount
                    or ColumnRole.Code or ColumnRole.Weight or ColumnRole.Objectives || (named == ColumnRole.Value && values < 2)) continue;
            if (ColumnContent.Classify(grid, LastRow + 1, c, end) is var kind and not ColumnRole.None) kinds[c] = kind;
        }

        foreach (var role in (ReadOnlySpan<ColumnRole>)[ColumnRole.Level1, ColumnRole.Level2, ColumnRole.Comparator, ColumnRole.Direction, ColumnRole.Unit])
        {
            var holder = this[role];
            if (holder >= 0 && kinds.GetValueOrDefault(holder) == role) continue;
            var candidate = kinds.Where(k => k.Value == role && !IsFirmlyValue(k.Key)).Select(k => k.Key).DefaultIfEmpty(-1).First();
            if (candidate < 0) continue;
            // The header word was wrong (or missing): the column whose cells are of this kind takes the role, from
            // every column the same word heads whose cells are not (指标性质 over 正向/反向, 指标值类型 over 定量/定性).
            foreach (var worded in _roleAt.Where(p => p.Value == role && p.Key != candidate && kinds.GetValueOrDefault(p.Key) != role).Select(p => p.Key).ToList())
                _roleAt.Remove(worded);
            _roleAt[candidate] = role;
            if (_names.GetValueOrDefault(candidate, "").Length == 0) _names[candidate] = grid[Row, candidate];
            AssignColumns();
        }

        // 指标类型 | 指标名称 | 指标值 | 指标描述 with 数量指标, 质量指标 … under 指标名称: that column holds the second levels,
        // and the column that describes each indicator (指标描述, 指标解释) holds its name.
        if (!Has(ColumnRole.Level2) && this[ColumnRole.Level3] is var levelNames and >= 0 && DescribingColumn(grid, levelNames, end) is var described and >= 0
            && ColumnContent.HoldsLevelWords(grid, LastRow + 1, levelNames, end))
        {
            _roleAt[levelNames] = ColumnRole.Level2;
            _roleAt[described] = ColumnRole.Level3;
            AssignColumns();
        }

        // Values with no value header (one column per township under no common word): the first column of figures.
        if (!Has(ColumnRole.Value) && this[ColumnRole.Level3] is var names and >= 0)
            for (var c = names + 1; c < grid.ColumnCount; c++)
                if (!_roleAt.ContainsKey(c) && ColumnContent.HoldsTargets(grid, LastRow + 1, c))
                {
                    _roleAt[c] = ColumnRole.Value;
                    _names[c] = grid[LastRow, c];
                    AssignColumns();
                    break;
                }

        // A self-evaluation's score column headed only by its block's points (自评得分 at the form's top, then 50 on the
        // indicator header row): the column right of the actuals with a bare number for its head and figures under it.
        if (Has(ColumnRole.Actual) && !Has(ColumnRole.Score))
            for (var c = this[ColumnRole.Actual] + 1; c < grid.ColumnCount; c++)
                if (!_roleAt.ContainsKey(c) && CellValues.IsBareFigure(grid[LastRow, c]) && ColumnContent.HoldsBareFigures(grid, LastRow + 1, c, end))
                {
                    _roleAt[c] = ColumnRole.Score;
                    _names[c] = grid[LastRow, c];
                    AssignColumns();
                    break;
                }

        // An indicator table whose name column is headed like an objective (一级目标 | 二级目标 | 绩效目标内容 | 目标值):
        // the column between the levels and the values holds the names.
        if (!Has(ColumnRole.Level3) && Has(ColumnRole.Value) && this[ColumnRole.Objectives] is var nameColumn and >= 0
            && nameColumn > Math.Max(this[ColumnRole.Level1], this[ColumnRole.Level2]) && nameColumn < this[ColumnRole.Value])
        {
            _columns.Remove(ColumnRole.Objectives);
            _columns[ColumnRole.Level3] = nameColumn;
            _roleAt[nameColumn] = ColumnRole.Level3;
        }

        // An indicator table whose value column is headed like an objective (年度目标 right of the indicator names).
        if (!Has(ColumnRole.Value) && this[ColumnRole.Objectives] is var obj and >= 0 && obj > Math.Max(this[ColumnRole.Level3], this[ColumnRole.Level2]))
        {
            _columns.Remove(ColumnRole.Objectives);
            _columns[ColumnRole.Value] = obj;
            _roleAt[obj] = ColumnRole.Value;
        }

        PreferFilledColumns(grid, end);
    }

    /// <summary>
    /// A role headed over several columns whose first is left blank (指标分值 empty beside 权重占比(%)): the first
    /// column with anything written under the header holds it.
    /// </summary>
    private void PreferFilledColumns(CellGrid grid, int end)
    {
        bool Filled(int c)
        {
            for (var r = LastRow + 1; r < end; r++)
                if (grid[r, c].Trim().Length > 0) return true;
            return false;
        }
        // Every header of every candidate row comes here: no allocation unless a column moves.
        List<(ColumnRole Role, int Column)>? moves = null;
        foreach (var (role, chosen) in _columns)
        {
            var other = false;
            foreach (var (c, r) in _roleAt) other |= r == role && c != chosen;
            if (!other || Filled(chosen)) continue;
            var filled = -1;
            foreach (var (c, r) in _roleAt)
                if (r == role && c != chosen && (filled < 0 || c < filled) && Filled(c)) filled = c;
            if (filled >= 0) (moves ??= []).Add((role, filled));
        }
        if (moves is not null)
            foreach (var (role, column) in moves) _columns[role] = column;
    }

    /// <summary>
    /// The extra column right of <paramref name="names"/> headed as describing each indicator, or -1: the first one, or
    /// of several the first whose cells are not sentences (指标解释 reading 反映…情况。 beside 指标描述 holding names).
    /// </summary>
    private int DescribingColumn(CellGrid grid, int names, int end)
    {
        var describing = _roleAt.OrderBy(p => p.Key)
            .Where(p => p.Key > names && p.Value == ColumnRole.Note && Lexicon.RoleOf("notecolumn", CellValues.Key(NameOf(p.Key))) == "Describes")
            .Select(p => p.Key).ToList();
        if (describing.Count < 2) return describing.Count == 1 ? describing[0] : -1;
        foreach (var c in describing)
            if (!ColumnContent.HoldsSentences(grid, LastRow + 1, c, end)) return c;
        return describing[0];
    }

    /// <summary>
    /// The last column headed as a value, which keeps that role whatever its cells look like (the columns headed as names,
    /// amounts, codes or weights are not read for their cells at all). Of several columns headed like a value (指标值类别
    /// beside 指标值, or 指标值 merged over ≥ | 100 | 人), the others may hold the signs or the units.
    /// </summary>
    private bool IsFirmlyValue(int column) =>
        _roleAt.TryGetValue(column, out var current) && current == ColumnRole.Value
        && !_roleAt.Any(p => p.Key != column && p.Value == ColumnRole.Value);

    /// <summary>
    /// A bare 单位 names the reporting unit left of the indicator columns, but the unit of measure right of them
    /// (`三级指标 | 指标值 | 单位`; the names' column leads when the levels stand in the names).
    /// </summary>
    private void ResolveBareUnit()
    {
        var firstLevel = Has(ColumnRole.Level1) ? this[ColumnRole.Level1] : Has(ColumnRole.Level2) ? this[ColumnRole.Level2] : this[ColumnRole.Level3];
        if (Has(ColumnRole.Unit) || firstLevel < 0) return;
        foreach (var (c, name) in _names.OrderBy(n => n.Key))
        {
            if (c <= firstLevel || CellValues.Key(name) != "单位") continue;
            if (_columns.TryGetValue(ColumnRole.UnitName, out var unitName) && unitName == c) _columns.Remove(ColumnRole.UnitName);
            _columns[ColumnRole.Unit] = c;
            _roleAt[c] = ColumnRole.Unit;
            return;
        }
    }

    /// <summary>
    /// The header said again on <paramref name="row"/> (a new page): several column words, and where this header has its
    /// values (else its names) the row has a header word or nothing, not a target (`≥95% | 未达指标值酌情扣分` names roles but is
    /// a row).
    /// </summary>
    public bool IsRepeatedAt(CellGrid grid, int row)
    {
        if (CountRoles(grid, row) < 3) return false;
        var column = Has(ColumnRole.Value) ? this[ColumnRole.Value] : this[ColumnRole.Level3];
        var text = column < 0 ? "" : HeaderText(grid[row, column]);
        // Empty there: the upper row of a two-row header whose spanning word a text export left in the first column only.
        return text.Length == 0 || ColumnRoles.OfCell(text) != ColumnRole.None;
    }

    /// <summary>
    /// Whether <paramref name="r"/> says again what a row of this header (or the group row just above it) says, cell for
    /// cell, in the grid the header was read from; cells a page break left blank are looked past.
    /// </summary>
    public bool RepeatsRowAt(CellGrid grid, int r)
    {
        for (var h = Math.Max(0, Row - 1); h <= LastRow; h++)
        {
            var same = 0;
            for (var c = 0; c < grid.ColumnCount; c++)
            {
                var text = grid[r, c].AsSpan().Trim();
                if (text.IsEmpty) continue;
                if (!text.SequenceEqual(grid[h, c].AsSpan().Trim())) { same = -1; break; }
                same++;
            }
            if (same > 0) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether another header (of another grid) heads the same columns with the same words. A group word merged down
    /// beside the header (绩效指标 over no column of its own) counts on neither side: a page break may have cut its merge.
    /// </summary>
    public bool SameWordsAs(HeaderRow other)
    {
        var mine = ColumnWords();
        var theirs = other.ColumnWords();
        return mine.Count >= 2 && mine.Count == theirs.Count && mine.All(p => theirs.TryGetValue(p.Key, out var name) && name == p.Value);
    }

    private Dictionary<int, string> ColumnWords() =>
        _names.Where(p => _roleAt.GetValueOrDefault(p.Key) != ColumnRole.Indicators || _textLevel.ContainsKey(p.Key))
            .ToDictionary(p => p.Key, p => p.Value);

    /// <summary>Whether another header says the same words in the same order, wherever its columns are cut.</summary>
    public bool SameWordOrder(HeaderRow other) => WordOrder().SequenceEqual(other.WordOrder()) && _names.Count >= 2;

    /// <summary>
    /// Whether the other header's top row says this header's words in the same order: a two-row header whose first row a
    /// page break left alone at the foot of the page before, as this header, and said again whole on the next.
    /// </summary>
    public bool SameWordsOnTop(HeaderRow other) =>
        _names.Count >= 3 && other.LastRow > other.Row && WordOrder().SequenceEqual(other.WordOrder(topOnly: true));

    private List<string> WordOrder(bool topOnly = false)
    {
        var words = new List<string>();
        foreach (var (_, name) in _names.OrderBy(p => p.Key))
        {
            // A value part under a span a text export lost (/本年目标值) says no word on top.
            var word = topOnly && name.IndexOf('/') is var slash and >= 0 ? name[..slash] : name;
            if (word.Length > 0 && (words.Count == 0 || words[^1] != word)) words.Add(word);
        }
        return words;
    }

    /// <summary>How many distinct column roles the row's cells name: a header has several.</summary>
    public static int CountRoles(CellGrid grid, int row)
    {
        var seen = 0;
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            var text = HeaderText(grid[row, c]);
            if (text.Length == 0) continue;
            var role = ColumnRoles.OfCell(text);
            if (role is not (ColumnRole.None or ColumnRole.Note)) seen |= 1 << (int)role;
        }
        return System.Numerics.BitOperations.PopCount((uint)seen);
    }

    /// <summary>The header words of a row that the lexicon knows, for an error that says what was seen.</summary>
    public static IEnumerable<string> KnownWords(CellGrid grid, int row)
    {
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            var text = HeaderText(grid[row, c]);
            if (text.Length > 0 && ColumnRoles.OfCell(text) != ColumnRole.None && (c == 0 || HeaderText(grid[row, c - 1]) != text))
                yield return text;
        }
    }

    /// <summary>
    /// Whether the row under a header continues it: short label cells only, no figures, and either several role words
    /// (一级指标 | 二级指标 | 三级指标 under 绩效指标) or words under a header cell spanning several columns (指标值 over
    /// 上年实际值 | 本年目标值).
    /// </summary>
    private static bool ContinuesHeader(CellGrid grid, int row, int next)
    {
        // 财政资金 | 其他资金 | 合计 under a header a page break repeated amid a form's money block: the block's heads.
        if (IsMoneyHeadRow(grid, next)) return false;
        if (OpensNextForm(grid, row, next)) return false;
        if (IsFormLabelRow(grid, row)) return false;
        // The group row above the header said again under it, then the header's row (a page break repeating both).
        if (row > 0 && next + 1 < grid.RowCount && SameWords(grid, row - 1, next, 1) && SameWords(grid, row, next + 1, 2)) return false;
        var any = false;
        var underSpan = false;
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            var text = HeaderText(grid[next, c]);
            if (text.Length == 0) continue;
            // Figures and sentences (a goal under a repeated header, 。 or ； in it) are no header words.
            if (text.Length > 20 || CellValues.Amount(text) is not null || text.Any(char.IsDigit) && !text.Contains('年')
                || text.IndexOfAny(['。', '；']) >= 0) return false;
            if (text == HeaderText(grid[row, c])) continue; // filled down from a vertical merge
            // 产出指标 | 数量指标 under 一级指标 | 二级指标 is the first indicator row, not header words (a wide table's
            // 产出指标 over its indicator columns is).
            if (IsLevelName(text) && ColumnRoles.OfCell(HeaderText(grid[row, c])) is ColumnRole.Level1 or ColumnRole.Level2) return false;
            // 效益指标-生态效益指标-水源地保护: a name with its levels written in, the first indicator row.
            if (LevelPath.Contains(text)) return false;
            any = true;
            var above = HeaderText(grid[row, c]);
            // A cell merged across the same columns as the one above it (an indicator's name over the span its head has)
            // is no part of a span; a column word so merged (三级指标 under 绩效指标, both over two columns) is one.
            if (Span(grid, next, c) is var (first, lastColumn) && lastColumn > first && Span(grid, row, c) == (first, lastColumn))
            {
                if (ColumnRoles.OfCell(text) != ColumnRole.None && ColumnRoles.OfCell(above) == ColumnRole.Indicators) underSpan = true;
                continue;
            }
            if (above.Length == 0 || grid.IsMergedContinuation(row, c) || (c > 0 && above == HeaderText(grid[row, c - 1]))
                || (c + 1 < grid.ColumnCount && above == HeaderText(grid[row, c + 1]))
                // 绩效指标 over 三级 alone: a group word over one column word, its span lost by a text export.
                || (ColumnRoles.OfCell(above) == ColumnRole.Indicators && ColumnRoles.OfCell(text) is not (ColumnRole.None or ColumnRole.Indicators)))
                underSpan = true;
        }
        return any && (CountRoles(grid, next) >= 2 || underSpan);
    }

    /// <summary>The columns a cell's horizontal merge covers (a cell merged with none: its own column twice).</summary>
    private static (int First, int Last) Span(CellGrid grid, int row, int column)
    {
        var (first, last) = (column, column);
        while (first > 0 && grid.IsMergedContinuation(row, first) && grid[row, first - 1] == grid[row, first]) first--;
        while (last + 1 < grid.ColumnCount && grid.IsMergedContinuation(row, last + 1) && grid[row, last + 1] == grid[row, last]) last++;
        return (first, last);
    }

    /// <summary>
    /// 项目名称 | 春耕补贴: the next form's first row under a header a page break repeated; not 项目名称 merged down beside the
    /// second header row's words (绩效指标 over 产出指标 | 效益指标), which is the header's own.
    /// </summary>
    private static bool OpensNextForm(CellGrid grid, int row, int next)
    {
        if (!OpensForm(grid, next)) return false;
        for (var c = 0; c < grid.ColumnCount; c++)
            if (FormLabels.Of(grid[next, c]) is FormField.Name or FormField.DepartmentName)
                return HeaderText(grid[next, c]) != HeaderText(grid[row, c]);
        return true;
    }

    /// <summary>
    /// 项目全称 | 春耕补贴 | 预算单位 | 某局: a form's label row (over a header a page break repeated amid its labels), no
    /// header's top row; not 项目名称 | 绩效指标 heading a list of projects.
    /// </summary>
    private static bool IsFormLabelRow(CellGrid grid, int row) =>
        OpensForm(grid, row) && FormLayout.DistinctCells(grid, row).TrueForAll(c =>
            ColumnRoles.OfCell(HeaderText(c.Text)) is not (ColumnRole.Indicators or ColumnRole.Level1 or ColumnRole.Level2 or ColumnRole.Level3));

    /// <summary>A 项目名称 or 部门名称 label with its value: a project's or a department's form starts on the row.</summary>
    private static bool OpensForm(CellGrid grid, int row) =>
        FormLayout.OpensForm(grid, row, FormField.Name) || FormLayout.OpensForm(grid, row, FormField.DepartmentName);

    /// <summary>Two cells or more, every one a money source's head (财政资金, 其他资金, 合计).</summary>
    private static bool IsMoneyHeadRow(CellGrid grid, int row)
    {
        var cells = FormLayout.DistinctCells(grid, row);
        return cells.Count >= 2 && cells.TrueForAll(c => SelfEvaluationWords.BudgetRowOf(c.Text) != BudgetRow.None);
    }

    /// <summary>Whether two rows hold the same header words column by column, <paramref name="least"/> of them at least.</summary>
    private static bool SameWords(CellGrid grid, int a, int b, int least)
    {
        var words = 0;
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            var text = HeaderText(grid[a, c]);
            // A cell merged down from the row above in one of the rows, blank in the other where a page break cut the merge:
            // looked past.
            if (text != HeaderText(grid[b, c]) && !(grid[b, c].Trim().Length == 0 && grid.IsMergedContinuation(a, c))
                && !(grid[a, c].Trim().Length == 0 && grid.IsMergedContinuation(b, c))) return false;
            if (text.Length > 0 && ColumnRoles.OfCell(text) != ColumnRole.None) words++;
        }
        return words >= least;
    }

    private static bool IsLevelName(string text) =>
        ColumnRoles.OfCell(text) == ColumnRole.None && LevelNames.IsLevelName(text);

    /// <summary>A header cell's words: markup such as a line break (`一级<br>指标`) removed; long cells are no header.</summary>
    internal static string HeaderText(string raw)
    {
        var text = raw.Trim();
        if (text.Length > 80) return "";
        if (text.Contains('<')) text = CellValues.Line(text).Trim();
        // 项目名称: | 金额单位: is a form's label row, its values beside the labels: no column is headed with a colon.
        return text.Length > 40 || text.EndsWith(':') || text.EndsWith('：') ? "" : text;
    }
}
