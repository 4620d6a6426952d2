namespace BudgetGrpc.Engine.Model;

/// <summary>Where in the source file a piece of data came from. Rows and columns are 1-based, as a person counts them.</summary>
public sealed record SourceRef(string? Sheet, int Row, int Column, string? ColumnName = null)
{
    public static readonly SourceRef None = new(null, 0, 0);

    public override string ToString()
    {
        var parts = new List<string>(3);
        if (!string.IsNullOrEmpty(Sheet)) parts.Add($"sheet {Sheet}");
        if (Row > 0) parts.Add($"row {Row}");
        if (!string.IsNullOrEmpty(ColumnName)) parts.Add($"column {ColumnName}");
        else if (Column > 0) parts.Add($"column {Column}");
        return string.Join(", ", parts);
    }
}
