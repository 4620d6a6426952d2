using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>What the layouts collect from the tables of one file.</summary>
internal sealed class TableReading
{
    public TitleBlock Title { get; } = new();
    public List<ProjectDraft> Projects { get; } = [];
    public decimal? DeclaredTotal { get; private set; }
    public SourceRef? DeclaredTotalSource { get; private set; }
    public Layout? Layout { get; set; }

    public void SetDeclaredTotal(decimal? total, SourceRef source)
    {
        if (total is null) return;
        // Several sheets may each carry a 合计; the disclosure's total is their sum.
        DeclaredTotal = (DeclaredTotal ?? 0m) + total.Value;
        DeclaredTotalSource ??= source;
    }
}
