using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Data;

/// <summary>
/// How many findings of each severity a reading has: the one count behind a revision's stored counts, an import's
/// answer (first or replayed) and its log line.
/// </summary>
public readonly record struct FindingCounts(int Errors, int Warnings, int Infos)
{
    public static FindingCounts Of(IReadOnlyList<Finding> findings)
    {
        int errors = 0, warnings = 0, infos = 0;
        foreach (var finding in findings)
        {
            switch (finding.Severity)
            {
                case Severity.Error: errors++; break;
                case Severity.Warning: warnings++; break;
                case Severity.Info: infos++; break;
            }
        }
        return new FindingCounts(errors, warnings, infos);
    }
}
