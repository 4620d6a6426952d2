using BudgetGrpc.Data.Configurations;
using BudgetGrpc.Data.Entities;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Data;

/// <summary>Who a disclosure is: department, fiscal year and kind (unique among disclosures).</summary>
public readonly record struct DisclosureIdentity(string Department, int FiscalYear, DisclosureKind Kind)
{
    /// <summary>A department name as it is stored and compared: trimmed and cut to its column.</summary>
    public static string StoredDepartment(string department) => TextLimits.Clip(department.Trim(), Lengths.Department);
}

/// <summary>
/// The rows of one new revision, flat, as <see cref="DisclosureMapper.ToRows"/> builds them from the engine model: the
/// revision row, then its projects, objectives, indicators and findings, each child naming its parent by position in
/// the parent's list. <see cref="RevisionWriter"/> fills in the disclosure, the number and the generated keys.
/// </summary>
public sealed class RevisionRows
{
    internal RevisionRows(DisclosureIdentity identity, RevisionEntity revision)
    {
        Identity = identity;
        Revision = revision;
    }

    public DisclosureIdentity Identity { get; }

    /// <summary>The revision row alone (no children attached); unsaved until written: Id 0, Number 0.</summary>
    public RevisionEntity Revision { get; }

    internal List<ProjectEntity> Projects { get; } = [];
    internal List<ObjectiveEntity> Objectives { get; } = [];
    /// <summary>Per objective, its project's position in <see cref="Projects"/>.</summary>
    internal List<int> ObjectiveProjects { get; } = [];
    internal List<IndicatorEntity> Indicators { get; } = [];
    /// <summary>Per indicator, its project's position in <see cref="Projects"/>.</summary>
    internal List<int> IndicatorProjects { get; } = [];
    internal List<FindingEntity> Findings { get; } = [];
    /// <summary>Per finding, its project's position in <see cref="Projects"/>, or -1.</summary>
    internal List<int> FindingProjects { get; } = [];
    /// <summary>Per finding, its indicator's position in <see cref="Indicators"/>, or -1.</summary>
    internal List<int> FindingIndicators { get; } = [];

    /// <summary>
    /// Forgets what a failed attempt gave the rows (generated keys; the disclosure EF attached to the revision, which
    /// the next attempt must not insert again), so the next attempt inserts afresh.
    /// </summary>
    internal void ForgetKeys()
    {
        Revision.Id = 0;
        Revision.Disclosure = null;
        foreach (var project in Projects) project.Id = 0;
        foreach (var indicator in Indicators) indicator.Id = 0;
    }
}
