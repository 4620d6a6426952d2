using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Indicators;

/// <summary>One indicator read out of an item: the raw name, its target, and the text it came from.</summary>
internal readonly record struct Piece(string RawName, Target Target, string Text)
{
    /// <summary>A target with no name of its own ("合规" after "慰问程序合规率；"), to be given to the indicator before it.</summary>
    public bool IsBare => RawName.AsSpan().Trim(" :：,，.。、").IsEmpty;
}

/// <summary>
/// Reads the indicators of one numbered item. An item may hold several (separated by ；, or written one after the
/// other: "项目5项，签订金额4.87亿元"), a value after 定性, a qualitative word after ；, or no target at all.
/// </summary>
internal static partial class ItemParser
{
    private const string Separators = " ;,.:、!?)(]}\"'。，；：）（】！？\u00A0≥≤<>=/";
    private static readonly char[] EndPunctuation = ['。', '.', '；', ';', '，', ',', '、', ' ', '：', ':'];
    private const int ShortQualitativeLength = 6;

    public static List<Piece> Parse(string original) => Parse(original, UnitNames.FoldWidth(original));

    /// <param name="original">The item as written.</param>
    /// <param name="folded">The same text width-folded (<see cref="UnitNames.FoldWidth"/>), index for index.</param>
    public static List<Piece> Parse(string original, string folded)
    {
        var pieces = new List<Piece>();
        int start = 0;
        bool previousPartUntargeted = false;
        for (int i = 0; i <= folded.Length; i++)
        {
            if (i < folded.Length && folded[i] != ';') continue;
            var part = original[start..i].Trim();
            var partFolded = folded[start..i].Trim();
            start = i + 1;
            if (part.Length == 0) continue;

            var found = ParsePart(part, partFolded);
            // "慰问程序合规率；合规": a bare target, or a few words after an item without a target, is that item's target.
            if (previousPartUntargeted && pieces.Count > 0 && found.Count == 1 && !found[0].Target.HasTarget
                && part.Length <= ShortQualitativeLength && !part.Any(char.IsDigit))
            {
                found[0] = new Piece("", Target.Qualitative(part.TrimEnd(EndPunctuation)), part);
            }
            if (found.Count > 0 && found[0].IsBare && pieces.Count > 0 && !pieces[^1].Target.HasTarget)
            {
                var prev = pieces[^1];
                pieces[^1] = prev with { Target = found[0].Target, Text = prev.Text + "；" + part };
                found.RemoveAt(0);
            }
            pieces.AddRange(found);
            previousPartUntargeted = pieces.Count > 0 && !pieces[^1].Target.HasTarget;
        }
        return pieces;
    }

    private static List<Piece> ParsePart(string part, string folded)
    {
        int q = QualitativeWordAt(folded);
        if (q >= 0) return AfterQualitativeWord(part, folded, q);

        var pieces = Scan(part, folded, 0);
        if (pieces.Count > 0) return pieces;

        // "…为中小企业创造环境 提升", "完成时间：2024年12月31日前": a known qualitative word or a date set off by a
        // space or a colon at the end.
        var trimmed = part.TrimEnd(EndPunctuation);
        int cut = trimmed.LastIndexOfAny([' ', '：', ':']);
        if (cut > 0)
        {
            var tail = trimmed[(cut + 1)..].Trim();
            // After a colon any short wordy tail is the target (非遗项目传承：持续开展); after a space only known words are.
            var afterColon = trimmed[cut] is '：' or ':' && tail.Length <= 12 && !tail.Any(char.IsDigit);
            if (tail.Length > 0 && (afterColon || QualitativeWords.IsKnown(tail) || QualitativeWords.EndsInKnown(tail) || DatePhrase().IsMatch(UnitNames.FoldWidth(tail))))
                return [new Piece(trimmed[..cut], Target.Qualitative(tail), part)];
        }
        if (QualitativeWords.IsKnown(trimmed))
            return [new Piece("", Target.Qualitative(trimmed), part)];
        // "政务服务保障能力（明显提升）": a known qualitative target in brackets after the name.
        if (trimmed.Length > 3 && trimmed[^1] is ')' or '）' && trimmed.LastIndexOfAny(['(', '（']) is var open and > 0
            && QualitativeWords.IsKnown(trimmed[(open + 1)..^1]))
            return [new Piece(trimmed[..open], Target.Qualitative(trimmed[(open + 1)..^1]), part)];
        // "文物保护名录和数据库基本健全": a known qualitative target glued to the name.
        if (QualitativeWords.GluedTail(trimmed) is var glued and > 0)
            return [new Piece(trimmed[..^glued], Target.Qualitative(trimmed[^glued..]), part)];
        return [new Piece(part, Target.None, part)];
    }

    // 定性 written as the comparator, not inside a word: 稳定性, 确定性, 规定性 … are names ("系统稳定性≥99%");
    // "补助金额定性7.026万元" is the comparator after 金额.
    private static int QualitativeWordAt(string folded)
    {
        for (int q = folded.IndexOf("定性", StringComparison.Ordinal); q >= 0; q = folded.IndexOf("定性", q + 2, StringComparison.Ordinal))
        {
            if (q == 0 || !WordsEndingInDing.Contains(folded[q - 1])) return q;
        }
        return -1;
    }

    // The first characters of 稳定 确定 规定 鉴定 决定 肯定 特定 固定 指定 认定 法定 坚定 约定 限定 设定 评定 核定 审定 判定
    // 测定 选定 界定 锁定 既定 拟定 否定 假定 检定 标定 安定 预定 制定 一定.
    private const string WordsEndingInDing = "稳确规鉴决肯特固指认法坚约限设评核审判测选界锁既拟否假检标安预制一";

    // "名称 定性 效果明显" is a qualitative target; "名称定性3.23万元全年补贴总额13.63万元" is a number misfiled
    // as qualitative, possibly followed by more indicators.
    private static List<Piece> AfterQualitativeWord(string part, string folded, int q)
    {
        var name = part[..q];
        int restStart = q + 2;
        while (restStart < folded.Length && folded[restStart] is ' ' or ':' or '\u00A0') restStart++;
        var rest = part[restStart..];
        var restFolded = folded[restStart..];

        var first = TargetScanner.Next(restFolded, 0);
        if (first is { Index: 0, IsPeriod: false } hit && Accept(hit, restFolded))
        {
            var target = TargetParser.FromHit(hit);
            var pieces = new List<Piece> { new(name, target with { Flags = target.Flags | IndicatorFlags.QualitativeWithNumber }, part) };
            pieces.AddRange(Scan(part, folded, restStart + hit.Length).Where(p => !p.IsBare));
            return pieces;
        }
        return [new Piece(name, Target.Qualitative(rest.Trim().TrimEnd(EndPunctuation)), part)];
    }

    /// <summary>Every name + target pair from <paramref name="from"/> on; words after the last target are a note.</summary>
    private static List<Piece> Scan(string part, string folded, int from)
    {
        var hits = new List<TargetHit>();
        for (var next = TargetScanner.Next(folded, from); next is { } m; next = TargetScanner.Next(folded, m.End))
        {
            if (Accept(m, folded)) hits.Add(m);
        }
        // "完成3个乡镇的改造任务≥90%": a bare count glued to the words after it is part of the name when a target
        // follows; amounts ("3.23万元全年补贴总额13.63万元") and percentages do start a new indicator.
        for (int i = hits.Count - 2; i >= 0; i--)
        {
            if (IsGluedCount(hits[i], folded)) hits.RemoveAt(i);
        }

        var pieces = new List<Piece>();
        int cursor = from;
        foreach (var m in hits)
        {
            var rawName = part[cursor..m.Index];
            cursor = m.End;
            var target = m.IsPeriod
                ? Target.Qualitative(part.Substring(m.Index, m.Length))
                : TargetParser.FromHit(m);
            var piece = new Piece(rawName, target, part);
            // "10万元≤18万元": a second bound with no name of its own belongs to the indicator before it.
            if (piece.IsBare && pieces.Count > 0) continue;
            pieces.Add(piece);
        }
        return pieces;
    }

    private static bool IsGluedCount(in TargetHit m, string folded)
    {
        if (m.IsPeriod || m.Pre.Length > 0 || m.Post.Length > 0 || m.End >= folded.Length) return false;
        if (Separators.Contains(folded[m.End])) return false;
        var unit = m.Unit;
        return !(unit.Contains('元') || unit.Contains('%') || unit.Contains('‰') || unit.Contains('/'));
    }

    // Numbers that belong to a name are not targets: "2024年年内完成", "每年7月在省会召开", "第二批", "5G".
    private static bool Accept(in TargetHit m, string folded)
    {
        int end = m.End;
        bool atEnd = end >= folded.Length || Separators.Contains(folded[end]);
        if (m.IsPeriod) return atEnd;
        if (m.Index > 0 && folded[m.Index - 1] == '第') return false;
        // "2024年12月": the month of a date, not a count of months.
        if (m.Pre.Length == 0 && m.Index > 0 && folded[m.Index - 1] is '年' or '月' && TargetPatterns.IsDateUnit(m.Unit)) return false;

        var pre = m.Pre;
        var unit = m.Unit;
        var post = m.Post;
        var digits = m.Digits;
        if (digits[0] is '*' or 'x' or 'X') return pre.Length > 0 || unit.Length > 0;
        if (pre.Length > 0 || post.Length > 0) return true;
        if (unit.Length == 0 || TargetPatterns.IsDateUnit(unit)) return atEnd;
        return true;
    }

    // 2024年, 2024年12月, 2024年12月31日前, 12月底前, 年底前: a deadline written as a date.
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?=.*\d)(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:底|末|中旬|上旬|下旬)?(?:前|之前|以前|内|底前)?(?:完成)?$")]
    private static partial System.Text.RegularExpressions.Regex DatePhrase();
}
