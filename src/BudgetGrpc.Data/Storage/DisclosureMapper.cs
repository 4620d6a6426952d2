using BudgetGrpc.Data.Entities;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Data;

/// <summary>The engine's model to rows and back. The round trip keeps everything the publication renderers read.</summary>
public static class DisclosureMapper
{
    private sealed record StoredHeading(string Level1, string Level2, string? Source);

    /// <summary>A self-evaluated project's budget execution, stated total and level weights, as stored in EvaluationJson.</summary>
    private sealed record StoredEvaluation(
        BudgetExecution? Budget, string? BudgetSource,
        decimal? TotalWeight, decimal? TotalScore, string? TotalSource, bool HasTotal,
        List<StoredLevelWeight> LevelWeights);

    private sealed record StoredLevelWeight(string Level1, string Level2, decimal Weight, string? Source);

    private static string? EvaluationJson(Project p)
    {
        if (p.Budget is null && p.StatedTotal is null && p.LevelWeights.Count == 0) return null;
        return SourceRefCodec.ToJson(new StoredEvaluation(
            p.Budget is { } b ? b with { Source = SourceRef.None } : null, SourceRefCodec.Encode(p.Budget?.Source),
            p.StatedTotal?.Weight, p.StatedTotal?.Score, SourceRefCodec.Encode(p.StatedTotal?.Source), p.StatedTotal is not null,
            [.. p.LevelWeights.Select(w => new StoredLevelWeight(w.Level1, w.Level2, w.Weight, SourceRefCodec.Encode(w.Source)))]));
    }

    /// <summary>A stored project's budget execution and stated total (self-evaluations), for readers other than the engine model.</summary>
    public static (BudgetExecution? Budget, StatedTotal? Total) EvaluationOf(ProjectEntity e)
    {
        var p = WithEvaluation(new Project { Code = e.Code, Name = e.Name, Source = SourceRef.None }, e);
        return (p.Budget, p.StatedTotal);
    }

    private static Project WithEvaluation(Project p, ProjectEntity e)
    {
        p = p with { ComputedScore = e.ComputedScore, Grade = e.Grade };
        if (e.EvaluationJson is null || SourceRefCodec.FromJson<StoredEvaluation>(e.EvaluationJson) is not { } stored) return p;
        return p with
        {
            Budget = stored.Budget is { } b ? b with { Source = SourceRefCodec.Decode(stored.BudgetSource) ?? SourceRef.None } : null,
            StatedTotal = stored.HasTotal ? new StatedTotal(stored.TotalWeight, stored.TotalScore, SourceRefCodec.Decode(stored.TotalSource) ?? SourceRef.None) : null,
            LevelWeights = [.. stored.LevelWeights.Select(w => new LevelWeight(w.Level1, w.Level2, w.Weight, SourceRefCodec.Decode(w.Source) ?? SourceRef.None))],
        };
    }

    /// <summary>
    /// The rows of a new revision of <paramref name="identity"/>, flat, straight from the engine model; which disclosure
    /// it belongs to and its number are filled in when it is written.
    /// </summary>
    public static RevisionRows ToRows(
        Disclosure parsed,
        DisclosureIdentity identity,
        byte[] content,
        string sha256,
        string contentHash,
        string engineVersion,
        DateTimeOffset createdAt,
        string? requestId,
        RevisionOrigin origin)
    {
        var counts = FindingCounts.Of(parsed.Findings);
        var rows = new RevisionRows(identity, new RevisionEntity
        {
            DisclosureId = "",
            Content = content,
            Sha256 = sha256,
            ContentHash = contentHash,
            FileName = parsed.Source.FileName,
            Format = parsed.Source.Format,
            Layout = parsed.Source.Layout,
            SizeBytes = content.LongLength,
            EngineVersion = engineVersion,
            Title = parsed.Title,
            ParsedDepartment = parsed.Department,
            AmountUnit = parsed.AmountUnit,
            DeclaredTotal = parsed.DeclaredTotal,
            DeclaredTotalSource = SourceRefCodec.Encode(parsed.DeclaredTotalSource),
            ComputedTotal = parsed.ComputedTotal,
            Status = counts.Errors > 0 ? RevisionStatus.Blocked : RevisionStatus.Publishable,
            ErrorCount = counts.Errors,
            WarningCount = counts.Warnings,
            InfoCount = counts.Infos,
            ProjectCount = parsed.Projects.Count,
            IndicatorCount = parsed.IndicatorCount,
            CreatedAt = createdAt,
            RequestId = requestId,
            Origin = origin,
        });

        // Where each project's indicators start in the flat list, for the findings that point at one.
        var firstIndicator = new int[parsed.Projects.Count];
        for (var p = 0; p < parsed.Projects.Count; p++)
        {
            var project = parsed.Projects[p];
            rows.Projects.Add(new ProjectEntity
            {
                Ordinal = p,
                Code = project.Code,
                Name = project.Name,
                Amount = project.Amount,
                AmountYuan = project.AmountYuan(parsed.AmountUnit),
                Unit = project.Unit,
                SourceRef = SourceRefCodec.Encode(project.Source),
                HeadingsJson = SourceRefCodec.ToJson(project.Headings
                    .Select(h => new StoredHeading(h.Level1, h.Level2, SourceRefCodec.Encode(h.Source))).ToList()),
                AttributesJson = SourceRefCodec.ToJson(new SortedDictionary<string, string>(
                    project.Attributes.ToDictionary(a => a.Key, a => a.Value), StringComparer.Ordinal)),
                EvaluationJson = EvaluationJson(project),
                ComputedScore = project.ComputedScore,
                Grade = project.Grade,
            });
            for (var o = 0; o < project.Objectives.Count; o++)
            {
                rows.Objectives.Add(new ObjectiveEntity { Ordinal = o, Text = project.Objectives[o] });
                rows.ObjectiveProjects.Add(p);
            }
            firstIndicator[p] = rows.Indicators.Count;
            for (var i = 0; i < project.Indicators.Count; i++)
            {
                rows.Indicators.Add(ToIndicator(project.Indicators[i], i, identity));
                rows.IndicatorProjects.Add(p);
            }
        }

        for (var f = 0; f < parsed.Findings.Count; f++)
        {
            var finding = parsed.Findings[f];
            var project = finding.ProjectCode is null ? -1 : FirstProject(parsed.Projects, finding.ProjectCode);
            var indicator = project >= 0 && finding.IndicatorIndex is int index && index >= 0 && index < parsed.Projects[project].Indicators.Count
                ? firstIndicator[project] + index
                : -1;
            if (indicator >= 0)
            {
                rows.Indicators[indicator].FindingCount++;
                rows.Indicators[indicator].HasFindings = true;
            }
            rows.Findings.Add(new FindingEntity
            {
                Ordinal = f,
                RuleId = finding.RuleId,
                Severity = finding.Severity,
                Message = finding.Message,
                MessageEn = finding.MessageEn,
                ProjectCode = finding.ProjectCode,
                IndicatorIndex = finding.IndicatorIndex,
                SourceRef = SourceRefCodec.Encode(finding.Source),
            });
            rows.FindingProjects.Add(project);
            rows.FindingIndicators.Add(indicator);
        }
        return rows;
    }

    /// <summary>The first project with <paramref name="code"/>, as a finding names its project by code; -1 for none.</summary>
    private static int FirstProject(IReadOnlyList<Project> projects, string code)
    {
        for (var p = 0; p < projects.Count; p++)
            if (projects[p].Code == code) return p;
        return -1;
    }

    private static IndicatorEntity ToIndicator(Indicator indicator, int ordinal, DisclosureIdentity identity) => new()
    {
        Ordinal = ordinal,
        Level1 = indicator.Level1,
        Level2 = indicator.Level2,
        Name = indicator.Name,
        Comparator = indicator.Comparator,
        Value = indicator.Value,
        ValueKey = indicator.Value is decimal v ? (double)v : null,
        QualitativeValue = indicator.QualitativeValue,
        Unit = indicator.Unit,
        Text = indicator.Text,
        SourceRef = SourceRefCodec.Encode(indicator.Source),
        Flags = indicator.Flags,
        Weight = indicator.Weight,
        Direction = indicator.Direction,
        ActualValue = indicator.Actual?.Value,
        ActualUnit = indicator.Actual?.Unit ?? "",
        ActualQualitativeValue = indicator.Actual?.QualitativeValue ?? "",
        ActualText = indicator.Actual?.Text,
        Score = indicator.Score,
        ComputedScore = indicator.ComputedScore,
        DeviationReason = indicator.DeviationReason,
        Department = identity.Department,
        FiscalYear = identity.FiscalYear,
        IsLatest = true,
    };

    /// <summary>
    /// The engine model of a fully loaded revision (projects with objectives and indicators, findings, and the
    /// disclosure), for the engine's publication renderers. Department, year and kind come from the disclosure's identity.
    /// </summary>
    public static Disclosure ToDisclosure(RevisionEntity revision)
    {
        var projects = revision.Projects.OrderBy(p => p.Ordinal).Select(p => WithEvaluation(new Project
        {
            Code = p.Code,
            Name = p.Name,
            Amount = p.Amount,
            Unit = p.Unit,
            Objectives = p.Objectives.OrderBy(o => o.Ordinal).Select(o => o.Text).ToList(),
            Indicators = p.Indicators.OrderBy(i => i.Ordinal).Select(ToIndicator).ToList(),
            Headings = (SourceRefCodec.FromJson<List<StoredHeading>>(p.HeadingsJson) ?? [])
                .Select(h => new IndicatorHeading(h.Level1, h.Level2, SourceRefCodec.Decode(h.Source) ?? SourceRef.None)).ToList(),
            Attributes = SourceRefCodec.FromJson<Dictionary<string, string>>(p.AttributesJson) ?? [],
            Source = SourceRefCodec.Decode(p.SourceRef) ?? SourceRef.None,
        }, p)).ToList();

        var findings = revision.Findings.OrderBy(f => f.Ordinal).Select(f => new Finding
        {
            RuleId = f.RuleId,
            Severity = f.Severity,
            Message = f.Message,
            MessageEn = f.MessageEn,
            ProjectCode = f.ProjectCode,
            IndicatorIndex = f.IndicatorIndex,
            Source = SourceRefCodec.Decode(f.SourceRef),
        }).ToList();

        var disclosure = revision.Disclosure;
        return new Disclosure
        {
            Source = new SourceInfo(revision.FileName, revision.Sha256, revision.Format, revision.Layout),
            Kind = disclosure?.Kind ?? DisclosureKind.TargetTable,
            Title = revision.Title,
            Department = disclosure?.Department ?? revision.ParsedDepartment,
            FiscalYear = disclosure?.FiscalYear,
            AmountUnit = revision.AmountUnit,
            DeclaredTotal = revision.DeclaredTotal,
            DeclaredTotalSource = SourceRefCodec.Decode(revision.DeclaredTotalSource),
            Projects = projects,
            Findings = findings,
        };
    }

    public static Indicator ToIndicator(IndicatorEntity i) => new()
    {
        Level1 = i.Level1,
        Level2 = i.Level2,
        Name = i.Name,
        Comparator = i.Comparator,
        Value = i.Value,
        QualitativeValue = i.QualitativeValue,
        Unit = i.Unit,
        Text = i.Text,
        Source = SourceRefCodec.Decode(i.SourceRef) ?? SourceRef.None,
        Flags = i.Flags,
        Weight = i.Weight,
        Direction = i.Direction,
        Actual = i.ActualText is null ? null : new IndicatorActual(i.ActualValue, i.ActualUnit, i.ActualQualitativeValue, i.ActualText),
        Score = i.Score,
        ComputedScore = i.ComputedScore,
        DeviationReason = i.DeviationReason,
    };
}
