using System.Text;
using BudgetGrpc.Delivery.Tests.Infrastructure;

namespace BudgetGrpc.Worker.Tests.Infrastructure;

/// <summary>
/// Many distinct, valid tables from one sample: the agri CSV with its department renamed (<see cref="Tables.Agri"/>),
/// so each variant is its own disclosure (样例AB县农业农村局 …). Letters, not digits, so the name never runs into the
/// fiscal year in the title.
/// </summary>
public static class SampleVariants
{
    public static string DepartmentOf(int index) => $"样例{Code(index)}县农业农村局";

    public static byte[] Agri(int index) => Encoding.UTF8.GetBytes(Tables.Agri(DepartmentOf(index)));

    /// <summary>Drops <paramref name="count"/> variants into the inbox, each in its department's folder.</summary>
    public static List<string> Drop(Inbox inbox, int count) =>
        Enumerable.Range(0, count).Select(i => inbox.Drop(DepartmentOf(i), $"绩效目标-{i:0000}.csv", Agri(i))).ToList();

    private static string Code(int index)
    {
        var code = new StringBuilder();
        do
        {
            code.Insert(0, (char)('A' + index % 26));
            index = index / 26 - 1;
        } while (index >= 0);
        return code.ToString();
    }
}
