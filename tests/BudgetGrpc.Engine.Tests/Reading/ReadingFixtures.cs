using System.Text;
using BudgetGrpc.Engine.Reading;

namespace BudgetGrpc.Engine.Tests.Reading;

internal static class ReadingFixtures
{
    public static string SamplePath(string name) => Samples.SampleGoldTests.SamplePath(name);

    public static byte[] Sample(string name) => File.ReadAllBytes(SamplePath(name));

    public static ContainerContent ReadSample(string name) =>
        ContainerReader.Read(Sample(name), name, new EngineLimits());

    public static ContainerContent Read(byte[] bytes, string name, EngineLimits? limits = null) =>
        ContainerReader.Read(bytes, name, limits ?? new EngineLimits());

    public static ContainerContent ReadText(string text, string name, EngineLimits? limits = null) =>
        Read(Encoding.UTF8.GetBytes(text), name, limits);

    /// <summary>The grid as text, one line per row with its source row and continuation marks, for whole-grid comparisons.</summary>
    public static string Dump(CellGrid grid)
    {
        var builder = new StringBuilder();
        for (var r = 0; r < grid.RowCount; r++)
        {
            builder.Append(grid.SourceRow(r)).Append(':');
            var row = grid.Row(r);
            for (var c = 0; c < row.Count; c++)
                builder.Append(grid.IsMergedContinuation(r, c) ? "|^" : "|").Append(row[c]);
            builder.Append('\n');
        }
        return builder.ToString();
    }

    public static readonly string[] SampleNames =
    [
        "000_c21431a6439d21ac.txt",
        "yangli-2025-agri.csv",
        "yangli-2025-agri.gb18030.csv",
        "yangli-2025-agri.html",
        "yangli-2025-agri.xlsx",
        "yangli-2025-edu-form.docx",
        "yangli-2025-edu-form.html",
        "yangli-2025-edu-form.xlsx",
        "yangli-2025-agri-selfeval.html",
        "yangli-2025-agri-selfeval.xlsx",
        "yangli-2025-dept.docx",
        "yangli-2025-dept.xlsx",
    ];
}
