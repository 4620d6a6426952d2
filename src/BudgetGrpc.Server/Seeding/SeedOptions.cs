namespace BudgetGrpc.Server.Seeding;

/// <summary>Section "Seed": files imported at start so a fresh install has data to show.</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>A folder whose files (not subfolders) are imported at every start; imports are idempotent by SHA-256.</summary>
    public string? SamplesFolder { get; set; }
}
