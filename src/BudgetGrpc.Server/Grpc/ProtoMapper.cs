using System.Text.Json;
using BudgetGrpc.Data;
using BudgetGrpc.Data.Entities;
using BudgetGrpc.Engine.Publishing;
using Google.Protobuf.WellKnownTypes;
using V1 = BudgetGrpc.Contracts.V1;
using Model = BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Server.Grpc;

/// <summary>Stored rows and engine values to wire messages. Money and values leave as decimal strings, never doubles.</summary>
public static class ProtoMapper
{
    /// <summary>
    /// Without trailing zeros: providers give back a stored decimal at their own scale (SQLite 18.0, PostgreSQL
    /// 18.0000), and the wire should say the same for the same value whatever the database.
    /// </summary>
    public static string Decimal(decimal? value) => value is decimal d ? DecimalText.Normalized(d) : "";

    public static V1.Disclosure ToProto(DisclosureEntity d) => new()
    {
        Name = ResourceNames.Disclosure(d.Id),
        Department = d.Department,
        FiscalYear = d.FiscalYear,
        Kind = ToProto(d.Kind),
        Title = d.Title,
        LatestRevision = d.LatestRevision,
        RevisionCount = d.LatestRevision,
        Status = ToProto(d.Status),
        CreateTime = Timestamp.FromDateTimeOffset(d.CreatedAt),
        UpdateTime = Timestamp.FromDateTimeOffset(d.UpdatedAt),
        LatestRevisionName = d.LatestRevision > 0 ? ResourceNames.Revision(d.Id, d.LatestRevision) : "",
        Etag = d.ETag,
    };

    /// <summary>A revision; <paramref name="disclosure"/> supplies the identity when the row was loaded without it.</summary>
    public static V1.Revision ToProto(RevisionEntity r, DisclosureEntity? disclosure, bool full)
    {
        var d = r.Disclosure ?? disclosure;
        var revision = new V1.Revision
        {
            Name = r.Id == 0 && r.Number == 0 ? "" : ResourceNames.Revision(r.DisclosureId, r.Number),
            RevisionNumber = r.Number,
            Disclosure = string.IsNullOrEmpty(r.DisclosureId) ? "" : ResourceNames.Disclosure(r.DisclosureId),
            Department = d?.Department ?? r.ParsedDepartment,
            FiscalYear = d?.FiscalYear ?? 0,
            Kind = d is null ? V1.DisclosureKind.Unspecified : ToProto(d.Kind),
            Title = r.Title,
            Source = new V1.SourceFile
            {
                FileName = r.FileName,
                Sha256 = r.Sha256,
                Format = r.Format,
                Layout = r.Layout.ToString().ToLowerInvariant(),
                SizeBytes = r.SizeBytes,
            },
            EngineVersion = r.EngineVersion,
            AmountUnit = r.AmountUnit,
            DeclaredTotal = Decimal(r.DeclaredTotal),
            ComputedTotal = Decimal(r.ComputedTotal),
            ProjectCount = r.ProjectCount,
            IndicatorCount = r.IndicatorCount,
            FindingCounts = new V1.FindingCounts { Errors = r.ErrorCount, Warnings = r.WarningCount, Infos = r.InfoCount },
            Status = ToProto(r.Status),
            CreateTime = r.CreatedAt == default ? null : Timestamp.FromDateTimeOffset(r.CreatedAt),
            Origin = r.Origin == RevisionOrigin.Reprocess ? V1.RevisionOrigin.Reprocess : V1.RevisionOrigin.Import,
        };
        if (full)
        {
            revision.Projects.Add(r.Projects.OrderBy(p => p.Ordinal).Select(p => ToProto(p, r.AmountUnit)));
            revision.Findings.Add(r.Findings.OrderBy(f => f.Ordinal).Select(ToProto));
        }
        return revision;
    }

    public static V1.Project ToProto(ProjectEntity p, string amountUnit)
    {
        var project = new V1.Project
        {
            Code = p.Code,
            Name = p.Name,
            Amount = Decimal(p.Amount),
            AmountYuan = Decimal(p.AmountYuan ?? p.Amount * Model.AmountUnits.ToYuanFactor(amountUnit)),
            Unit = p.Unit,
            SourceRef = StoredSourceRef.ToText(p.SourceRef),
        };
        project.Objectives.Add(p.Objectives.OrderBy(o => o.Ordinal).Select(o => o.Text));
        project.Indicators.Add(p.Indicators.OrderBy(i => i.Ordinal).Select(ToProto));
        if (p.AttributesJson.Length > 2 && JsonSerializer.Deserialize<Dictionary<string, string>>(p.AttributesJson) is { } attributes)
            project.Attributes.Add(attributes);
        if (p.EvaluationJson is not null || p.ComputedScore is not null)
        {
            var (budget, total) = DisclosureMapper.EvaluationOf(p);
            if (budget is { } b)
                project.Budget = new V1.BudgetExecution
                {
                    Initial = Decimal(b.Initial), Adjusted = Decimal(b.Adjusted), Executed = Decimal(b.Executed),
                    ExecutionRate = Decimal(b.ExecutionRate), Weight = Decimal(b.Weight), Score = Decimal(b.Score),
                };
            project.DeclaredScore = Decimal(total?.Score);
            project.ComputedScore = Decimal(p.ComputedScore);
            project.Grade = p.Grade;
        }
        return project;
    }

    public static V1.Indicator ToProto(IndicatorEntity i) => new()
    {
        Index = i.Ordinal,
        Level1 = i.Level1,
        Level2 = i.Level2,
        Name = i.Name,
        Comparator = ToProto(i.Comparator),
        Value = Decimal(i.Value),
        QualitativeValue = i.QualitativeValue,
        Unit = i.Unit,
        Text = i.Text,
        SourceRef = StoredSourceRef.ToText(i.SourceRef),
        Weight = Decimal(i.Weight),
        Direction = i.Direction,
        Actual = i.ActualText is null ? null : new V1.IndicatorActual
        {
            Value = Decimal(i.ActualValue), Unit = i.ActualUnit, QualitativeValue = i.ActualQualitativeValue, Text = i.ActualText,
        },
        Score = Decimal(i.Score),
        ComputedScore = Decimal(i.ComputedScore),
        DeviationReason = i.DeviationReason,
    };

    public static V1.Finding ToProto(FindingEntity f)
    {
        var finding = new V1.Finding
        {
            RuleId = f.RuleId,
            Severity = ToProto(f.Severity),
            Message = f.Message,
            MessageEn = f.MessageEn,
            ProjectCode = f.ProjectCode ?? "",
            SourceRef = StoredSourceRef.ToText(f.SourceRef),
        };
        if (f.IndicatorIndex is int index) finding.IndicatorIndex = index;
        return finding;
    }

    public static V1.Finding ToProto(Model.Finding f)
    {
        var finding = new V1.Finding
        {
            RuleId = f.RuleId,
            Severity = ToProto(f.Severity),
            Message = f.Message,
            MessageEn = f.MessageEn,
            ProjectCode = f.ProjectCode ?? "",
            SourceRef = f.Source?.ToString() ?? "",
        };
        if (f.IndicatorIndex is int index) finding.IndicatorIndex = index;
        return finding;
    }

    public static V1.Upload ToProto(UploadEntity u) => new()
    {
        Name = ResourceNames.Upload(u.Id),
        FileName = u.FileName,
        Sha256 = u.Sha256,
        SizeBytes = u.SizeBytes,
        Outcome = ToProto(u.Outcome),
        Reason = u.ErrorReason ?? "",
        Message = u.Reason ?? "",
        DepartmentHint = u.DepartmentHint ?? "",
        Disclosure = u.DisclosureId is null ? "" : ResourceNames.Disclosure(u.DisclosureId),
        CreateTime = Timestamp.FromDateTimeOffset(u.ReceivedAt),
        RequestId = u.RequestId ?? "",
    };

    public static V1.IndicatorHit ToProto(IndicatorHit hit) => new()
    {
        Revision = ResourceNames.Revision(hit.DisclosureId, hit.RevisionNumber),
        Department = hit.Department,
        FiscalYear = hit.FiscalYear,
        ProjectCode = hit.ProjectCode,
        ProjectName = hit.ProjectName,
        Indicator = ToProto(hit.Indicator),
        FindingCount = hit.Indicator.FindingCount,
    };

    public static V1.DisclosureKind ToProto(Model.DisclosureKind kind) => kind switch
    {
        Model.DisclosureKind.TargetTable => V1.DisclosureKind.TargetTable,
        Model.DisclosureKind.SelfEvaluation => V1.DisclosureKind.SelfEvaluation,
        Model.DisclosureKind.DepartmentTargets => V1.DisclosureKind.DepartmentTargets,
        _ => V1.DisclosureKind.Unspecified,
    };

    /// <summary>Null for an unspecified kind: the file's own kind, as the engine reads it, is taken.</summary>
    public static Model.DisclosureKind? ToEngine(V1.DisclosureKind kind) => kind switch
    {
        V1.DisclosureKind.TargetTable => Model.DisclosureKind.TargetTable,
        V1.DisclosureKind.SelfEvaluation => Model.DisclosureKind.SelfEvaluation,
        V1.DisclosureKind.DepartmentTargets => Model.DisclosureKind.DepartmentTargets,
        _ => null,
    };

    public static V1.RevisionStatus ToProto(RevisionStatus status) =>
        status == RevisionStatus.Blocked ? V1.RevisionStatus.Blocked : V1.RevisionStatus.Publishable;

    public static RevisionStatus? ToData(V1.RevisionStatus status) => status switch
    {
        V1.RevisionStatus.Publishable => RevisionStatus.Publishable,
        V1.RevisionStatus.Blocked => RevisionStatus.Blocked,
        _ => null,
    };

    public static V1.Severity ToProto(Model.Severity severity) => severity switch
    {
        Model.Severity.Error => V1.Severity.Error,
        Model.Severity.Warning => V1.Severity.Warning,
        _ => V1.Severity.Info,
    };

    public static V1.Comparator ToProto(Model.Comparator comparator) => comparator switch
    {
        Model.Comparator.Equal => V1.Comparator.Equal,
        Model.Comparator.GreaterOrEqual => V1.Comparator.GreaterOrEqual,
        Model.Comparator.LessOrEqual => V1.Comparator.LessOrEqual,
        Model.Comparator.Greater => V1.Comparator.Greater,
        Model.Comparator.Less => V1.Comparator.Less,
        Model.Comparator.Qualitative => V1.Comparator.Qualitative,
        _ => V1.Comparator.Unspecified,
    };

    public static Model.Comparator? ToEngine(V1.Comparator comparator) => comparator switch
    {
        V1.Comparator.Equal => Model.Comparator.Equal,
        V1.Comparator.GreaterOrEqual => Model.Comparator.GreaterOrEqual,
        V1.Comparator.LessOrEqual => Model.Comparator.LessOrEqual,
        V1.Comparator.Greater => Model.Comparator.Greater,
        V1.Comparator.Less => Model.Comparator.Less,
        V1.Comparator.Qualitative => Model.Comparator.Qualitative,
        _ => null,
    };

    public static V1.UploadOutcome ToProto(UploadOutcome outcome) => outcome switch
    {
        UploadOutcome.Created => V1.UploadOutcome.Created,
        UploadOutcome.NewRevision => V1.UploadOutcome.NewRevision,
        UploadOutcome.Unchanged => V1.UploadOutcome.Unchanged,
        UploadOutcome.ValidatedOnly => V1.UploadOutcome.ValidatedOnly,
        UploadOutcome.Rejected => V1.UploadOutcome.Rejected,
        UploadOutcome.Forbidden => V1.UploadOutcome.Forbidden,
        _ => V1.UploadOutcome.Unspecified,
    };

    public static UploadOutcome? ToData(V1.UploadOutcome outcome) => outcome switch
    {
        V1.UploadOutcome.Created => UploadOutcome.Created,
        V1.UploadOutcome.NewRevision => UploadOutcome.NewRevision,
        V1.UploadOutcome.Unchanged => UploadOutcome.Unchanged,
        V1.UploadOutcome.ValidatedOnly => UploadOutcome.ValidatedOnly,
        V1.UploadOutcome.Rejected => UploadOutcome.Rejected,
        V1.UploadOutcome.Forbidden => UploadOutcome.Forbidden,
        _ => null,
    };
}
