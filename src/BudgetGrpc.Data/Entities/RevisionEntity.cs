using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Data.Entities;

/// <summary>One stored version of a disclosure: the raw source bytes plus what the engine read from them.</summary>
public sealed class RevisionEntity
{
    public long Id { get; set; }
    public required string DisclosureId { get; set; }
    public DisclosureEntity? Disclosure { get; set; }
    /// <summary>1, 2, … per disclosure.</summary>
    public int Number { get; set; }

    /// <summary>The file exactly as received, so reprocessing never needs the sender again.</summary>
    public required byte[] Content { get; set; }
    /// <summary>SHA-256 of <see cref="Content"/>, lowercase hex.</summary>
    public required string Sha256 { get; set; }
    /// <summary>SHA-256 of the canonical form of the parsed result; tells whether a reprocess changed anything.</summary>
    public required string ContentHash { get; set; }
    public required string FileName { get; set; }
    public string Format { get; set; } = "";
    public Layout Layout { get; set; }
    public long SizeBytes { get; set; }
    public required string EngineVersion { get; set; }

    public string Title { get; set; } = "";
    /// <summary>The department as the file states it; may be empty when the upload's hint gave the identity.</summary>
    public string ParsedDepartment { get; set; } = "";
    public string AmountUnit { get; set; } = AmountUnits.TenThousandYuan;
    public decimal? DeclaredTotal { get; set; }
    public string? DeclaredTotalSource { get; set; }
    public decimal ComputedTotal { get; set; }

    public RevisionStatus Status { get; set; }
    public int ErrorCount { get; set; }
    public int WarningCount { get; set; }
    public int InfoCount { get; set; }
    public int ProjectCount { get; set; }
    public int IndicatorCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? RequestId { get; set; }
    /// <summary>Why this revision exists: an import or a reprocess.</summary>
    public RevisionOrigin Origin { get; set; }

    public List<ProjectEntity> Projects { get; set; } = [];
    public List<FindingEntity> Findings { get; set; } = [];
}

public enum RevisionOrigin
{
    Import,
    Reprocess,
}
