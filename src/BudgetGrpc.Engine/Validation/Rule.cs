using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Validation;

/// <summary>
/// One check of the catalog. The validator walks the model once and offers every level to every rule,
/// so a rule overrides only the hooks it needs and never loops over the disclosure itself twice.
/// </summary>
internal abstract class Rule
{
    public abstract RuleDescriptor Descriptor { get; }

    public virtual void CheckDisclosure(Disclosure disclosure, FindingSink sink) { }

    public virtual void CheckProject(Disclosure disclosure, Project project, FindingSink sink) { }

    public virtual void CheckIndicator(Disclosure disclosure, Project project, int index, Indicator indicator, FindingSink sink) { }
}

/// <summary>Collects findings for the rule currently running, with the severity the deployment configured for it.</summary>
internal sealed class FindingSink(ScoringOptions? scoring = null)
{
    /// <summary>How self-evaluations are scored in this deployment.</summary>
    public ScoringOptions Scoring { get; } = scoring ?? new ScoringOptions();

    private readonly List<Finding> _findings = [];
    private string _ruleId = "";
    private Severity _severity;

    public IReadOnlyList<Finding> Findings => _findings;

    public void Begin(string ruleId, Severity severity)
    {
        _ruleId = ruleId;
        _severity = severity;
    }

    public void Report(string message, string messageEn, Project? project = null, int? indicatorIndex = null, SourceRef? source = null) =>
        _findings.Add(new Finding
        {
            RuleId = _ruleId,
            Severity = _severity,
            Message = message,
            MessageEn = messageEn,
            ProjectCode = project?.Code,
            IndicatorIndex = indicatorIndex,
            Source = source ?? project?.Source,
        });

    public void Report(Project project, int index, Indicator indicator, string message, string messageEn) =>
        Report(message, messageEn, project, index, indicator.Source);
}
