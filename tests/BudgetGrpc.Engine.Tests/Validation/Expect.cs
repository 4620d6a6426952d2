using BudgetGrpc.Engine.Model;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Validation;

/// <summary>Whole-finding assertions: every field a reviewer reads, so a changed word or a lost location fails.</summary>
internal static class Expect
{
    public static void Finding(Finding f, string ruleId, Severity severity, string message, string messageEn,
        string? projectCode, int? indicatorIndex, SourceRef? source)
    {
        Assert.Equal(ruleId, f.RuleId);
        Assert.Equal(severity, f.Severity);
        Assert.Equal(message, f.Message);
        Assert.Equal(messageEn, f.MessageEn);
        Assert.Equal(projectCode, f.ProjectCode);
        Assert.Equal(indicatorIndex, f.IndicatorIndex);
        Assert.Equal(source, f.Source);
    }

    /// <summary>The one finding of a rule, asserted whole.</summary>
    public static void Single(IReadOnlyList<Finding> findings, string ruleId, Severity severity, string message, string messageEn,
        string? projectCode, int? indicatorIndex, SourceRef? source) =>
        Finding(Assert.Single(findings, f => f.RuleId == ruleId), ruleId, severity, message, messageEn, projectCode, indicatorIndex, source);
}
