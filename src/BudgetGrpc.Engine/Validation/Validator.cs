using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Validation;

/// <summary>Runs the rule catalog (<see cref="RuleCatalog"/>) over a parsed disclosure.</summary>
public sealed class Validator
{
    private readonly Rule[] _rules;
    private readonly Severity[] _severities;
    // Which hooks each rule overrides: most rules look at one level only, and skipping the empty base hooks keeps
    // the walk over a hundred indicators from making thousands of calls that do nothing.
    private readonly bool[] _checksDisclosure;
    private readonly bool[] _checksProject;
    private readonly bool[] _checksIndicator;

    /// <summary>Builds the validator; throws <see cref="ArgumentException"/> when the options name a rule the catalog does not have.</summary>
    public Validator(ValidationOptions? options = null)
    {
        Scoring = options?.Scoring ?? new ScoringOptions();
        var overrides = options?.Rules ?? [];
        var unknown = new List<string>();
        foreach (var id in overrides.Keys)
            if (RuleCatalog.Find(id) is null) unknown.Add(id);
        if (unknown.Count > 0)
            throw new ArgumentException(
                $"Validation options name unknown rule id(s): {string.Join(", ", unknown)}. " +
                $"Known ids: {string.Join(", ", RuleCatalog.All.Select(r => r.Id))}.", nameof(options));

        var rules = new List<Rule>();
        var severities = new List<Severity>();
        foreach (var rule in RuleCatalog.Rules)
        {
            var d = rule.Descriptor;
            var o = FindOverride(overrides, d.Id);
            if (o is { Enabled: false }) continue;
            rules.Add(rule);
            severities.Add(o?.Severity ?? d.DefaultSeverity);
        }
        _rules = [.. rules];
        _severities = [.. severities];
        _checksDisclosure = Array.ConvertAll(_rules, r => Overrides(r, nameof(Rule.CheckDisclosure)));
        _checksProject = Array.ConvertAll(_rules, r => Overrides(r, nameof(Rule.CheckProject)));
        _checksIndicator = Array.ConvertAll(_rules, r => Overrides(r, nameof(Rule.CheckIndicator)));
    }

    private static bool Overrides(Rule rule, string hook) =>
        rule.GetType().GetMethod(hook)!.DeclaringType != typeof(Rule);

    /// <summary>How self-evaluations are scored, for the engine's computed scores and the self-evaluation rules.</summary>
    public ScoringOptions Scoring { get; }

    /// <summary>The ids of the rules this validator runs, in catalog order.</summary>
    public IReadOnlyList<string> EnabledRuleIds => Array.ConvertAll(_rules, r => r.Descriptor.Id);

    /// <summary>
    /// Findings come grouped as a reviewer's report reads: the disclosure's own first, then project by project
    /// in source order, and within a project in catalog order.
    /// </summary>
    public IReadOnlyList<Finding> Validate(Disclosure disclosure)
    {
        ArgumentNullException.ThrowIfNull(disclosure);
        var sink = new FindingSink(Scoring);
        for (var r = 0; r < _rules.Length; r++)
        {
            if (!_checksDisclosure[r]) continue;
            sink.Begin(_rules[r].Descriptor.Id, _severities[r]);
            _rules[r].CheckDisclosure(disclosure, sink);
        }
        foreach (var project in disclosure.Projects)
        {
            var indicators = project.Indicators;
            for (var r = 0; r < _rules.Length; r++)
            {
                var rule = _rules[r];
                sink.Begin(rule.Descriptor.Id, _severities[r]);
                if (_checksProject[r]) rule.CheckProject(disclosure, project, sink);
                if (!_checksIndicator[r]) continue;
                for (var i = 0; i < indicators.Count; i++)
                    rule.CheckIndicator(disclosure, project, i, indicators[i], sink);
            }
        }
        return sink.Findings;
    }

    private static RuleOptions? FindOverride(Dictionary<string, RuleOptions> overrides, string id)
    {
        foreach (var (key, value) in overrides)
            if (string.Equals(key, id, StringComparison.OrdinalIgnoreCase)) return value;
        return null;
    }
}
