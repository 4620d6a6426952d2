using BudgetGrpc.Engine.Indicators;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Validation;

namespace BudgetGrpc.Engine.Linking;

/// <summary>Where an approved target stands after the year, as its self-evaluation reports it.</summary>
public enum GapStatus
{
    /// <summary>The actual meets the approved target.</summary>
    Met,
    /// <summary>The actual misses the approved target.</summary>
    Missed,
    /// <summary>The actual is words the scoring rules cannot judge (部分达成): a reviewer's call.</summary>
    Undecided,
    /// <summary>The approved target has no evaluated indicator, or the evaluation states no actual for it.</summary>
    NotEvaluated,
    /// <summary>The self-evaluation scores an indicator that no approved target has.</summary>
    WithoutApprovedTarget,
    /// <summary>The self-evaluation states another target than the one approved (its outcome is judged against the approved one).</summary>
    TargetChanged,
}

/// <summary>A project of the target table linked to a project of the self-evaluation, with how sure the link is (0–1).</summary>
public sealed record ProjectLink(Project? Approved, Project? Evaluated, double Confidence);

/// <summary>
/// One line of the comparison: an approved indicator and the evaluated one linked to it (either may be missing), how
/// sure the link is, and the gap. <see cref="Outcome"/> is judged against the approved target.
/// </summary>
public sealed record IndicatorGap(
    ProjectLink Project,
    Indicator? Approved,
    Indicator? Evaluated,
    double Confidence,
    GapStatus Status,
    TargetOutcome Outcome)
{
    public string Level1 => (Approved ?? Evaluated)!.Level1;
    public string Level2 => (Approved ?? Evaluated)!.Level2;
    public string Name => (Approved ?? Evaluated)!.Name;
}

/// <summary>A department-year's approved targets beside its self-evaluation.</summary>
public sealed record Comparison(IReadOnlyList<ProjectLink> Projects, IReadOnlyList<IndicatorGap> Indicators)
{
    public int Count(GapStatus status) => Indicators.Count(i => i.Status == status);
}

/// <summary>
/// Links a self-evaluation to the target table it answers: projects by name (exact, else the most similar name),
/// indicators within a project by levels and name (exact, else similar names under the same levels, else the same name
/// under other levels), each link with its confidence; then judges every approved target against the actual.
/// </summary>
public static class TargetComparison
{
    /// <summary>Below this similarity two names are not linked.</summary>
    public const double MinimumConfidence = 0.6;

    public static Comparison Compare(Disclosure targets, Disclosure evaluation, ScoringOptions? options = null)
    {
        options ??= new ScoringOptions();
        var links = LinkProjects(targets.Projects, evaluation.Projects);
        var gaps = new List<IndicatorGap>();
        foreach (var link in links)
        {
            var approved = link.Approved?.Indicators ?? [];
            var evaluated = link.Evaluated?.Indicators ?? [];
            var pairs = Pair(approved, evaluated, (a, e) => IndicatorSimilarity(a, e));
            foreach (var (a, e, confidence) in pairs)
                gaps.Add(Gap(link, a, e, confidence * (link.Approved is null || link.Evaluated is null ? 1 : link.Confidence), options));
        }
        return new Comparison(links, gaps);
    }

    private static IndicatorGap Gap(ProjectLink link, Indicator? approved, Indicator? evaluated, double confidence, ScoringOptions options)
    {
        if (approved is null) return new(link, null, evaluated, confidence, GapStatus.WithoutApprovedTarget, TargetOutcome.NotStated);
        if (evaluated is null) return new(link, approved, null, confidence, GapStatus.NotEvaluated, TargetOutcome.NotStated);
        // Judge the actual against the approved target, whatever the evaluation restates.
        var judged = approved with { Actual = evaluated.Actual, Weight = evaluated.Weight };
        var outcome = SelfEvaluationScoring.Assess(judged, options).Outcome;
        var status = !SameTarget(approved, evaluated) ? GapStatus.TargetChanged
            : outcome switch
            {
                TargetOutcome.Met => GapStatus.Met,
                TargetOutcome.Missed => GapStatus.Missed,
                TargetOutcome.Undecided => GapStatus.Undecided,
                _ => GapStatus.NotEvaluated,
            };
        return new(link, approved, evaluated, confidence, status, outcome);
    }

    /// <summary>Same comparator, value, unit and words (an `=` and a bare value are the same target).</summary>
    public static bool SameTarget(Indicator a, Indicator b)
    {
        static Comparator C(Comparator c) => c == Comparator.None ? Comparator.Equal : c;
        if (C(a.Comparator) != C(b.Comparator) || a.Value != b.Value || a.Unit != b.Unit) return false;
        return a.Comparator != Comparator.Qualitative || Key(a.QualitativeValue) == Key(b.QualitativeValue);
    }

    private static List<ProjectLink> LinkProjects(IReadOnlyList<Project> approved, IReadOnlyList<Project> evaluated) =>
        [.. Pair(approved, evaluated, (a, e) => NameSimilarity(a.Name, e.Name)).Select(p => new ProjectLink(p.A, p.B, p.Confidence))];

    /// <summary>
    /// Greedy best-first pairing: the most similar pair first, each item used once; unpaired items come out alone.
    /// The result keeps the order of <paramref name="left"/>; right items left unpaired follow at the end (confidence 0).
    /// </summary>
    private static List<(T? A, T? B, double Confidence)> Pair<T>(IReadOnlyList<T> left, IReadOnlyList<T> right, Func<T, T, double> similarity)
        where T : class
    {
        var candidates = new List<(int L, int R, double S)>();
        for (var l = 0; l < left.Count; l++)
            for (var r = 0; r < right.Count; r++)
                if (similarity(left[l], right[r]) is var s and >= MinimumConfidence) candidates.Add((l, r, s));
        var ofLeft = new Dictionary<int, (int R, double S)>();
        var takenRight = new HashSet<int>();
        foreach (var (l, r, s) in candidates.OrderByDescending(c => c.S).ThenBy(c => c.L).ThenBy(c => c.R))
        {
            if (ofLeft.ContainsKey(l) || takenRight.Contains(r)) continue;
            ofLeft[l] = (r, s);
            takenRight.Add(r);
        }
        var result = new List<(T?, T?, double)>();
        for (var l = 0; l < left.Count; l++)
            result.Add(ofLeft.TryGetValue(l, out var m) ? (left[l], right[m.R], m.S) : (left[l], null, 0.0));
        for (var r = 0; r < right.Count; r++)
            if (!takenRight.Contains(r)) result.Add((null, right[r], 0.0));
        return result;
    }

    private static double IndicatorSimilarity(Indicator a, Indicator b)
    {
        var name = NameSimilarity(a.Name, b.Name);
        var sameLevels = a.Level1 == b.Level1 && a.Level2 == b.Level2;
        if (sameLevels) return name;
        // The same name filed under another second level (社会效益 vs 可持续影响) is still the same indicator, less surely.
        return name >= 0.999 ? 0.8 : name * 0.7;
    }

    /// <summary>1 for the same name (spaces and punctuation aside), else the bigram overlap (Dice), 0.9 for one name inside the other.</summary>
    public static double NameSimilarity(string a, string b)
    {
        var x = Key(a);
        var y = Key(b);
        if (x.Length == 0 || y.Length == 0) return 0;
        if (x == y) return 1;
        if (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal)) return 0.9;
        var bx = Bigrams(x);
        var by = Bigrams(y);
        return 2.0 * bx.Intersect(by).Count() / (bx.Count + by.Count);
    }

    private static HashSet<string> Bigrams(string s)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < s.Length; i++) set.Add(s.Substring(i, 2));
        if (set.Count == 0) set.Add(s);
        return set;
    }

    private static string Key(string s) =>
        string.Concat(s.Where(c => !char.IsWhiteSpace(c) && !char.IsPunctuation(c) && c is not ('“' or '”' or '（' or '）' or '(' or ')')));
}
