namespace BudgetGrpc.Engine.Publishing;

/// <summary>What the server adds to a publication: absent from an offline parse.</summary>
public sealed record PublicationMeta(string? DisclosureId = null, int? Revision = null)
{
    public static readonly PublicationMeta Offline = new();
}
