using System.Globalization;
using System.Text;

namespace BudgetGrpc.Delivery.Tests.Infrastructure;

/// <summary>
/// Target tables made from the agriculture sample (tests/samples/yangli-2025-agri.csv) with a department of their own,
/// so that each is its own disclosure. The first project's name starts with "=", as a hostile cell would.
/// </summary>
public static class Tables
{
    private static readonly Lazy<string> Template = new(() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "yangli-2025-agri.csv"), Encoding.UTF8));

    public const string FormulaProjectName = "=HYPERLINK(1)高标准农田建设项目";

    public static string Department(int n) => $"测试局{n.ToString(CultureInfo.InvariantCulture)}号";

    /// <summary>No error findings. <paramref name="edit"/> changes one target value, making a new revision of the same disclosure.</summary>
    public static byte[] Publishable(int n, int edit = 0) => Encoding.UTF8.GetBytes(Make(n, edit));

    /// <summary>The declared 合计 does not match the projects (BG101, an error): never delivered.</summary>
    public static byte[] Blocked(int n, int edit = 0) => Encoding.UTF8.GetBytes(Make(n, edit).Replace("13930000", "99999999", StringComparison.Ordinal));

    private static string Make(int n, int edit)
    {
        var department = Department(n);
        return Template.Value
            .Replace("样例县农业农村局2025年", department + "2025年", StringComparison.Ordinal)
            .Replace("101001-样例县农业农村局", "101001-" + department, StringComparison.Ordinal)
            .Replace("\"高标准农田建设项目\"", "\"" + FormulaProjectName + "\"", StringComparison.Ordinal)
            .Replace("\"≥\",10000,", $"\"≥\",{(10000 + edit).ToString(CultureInfo.InvariantCulture)},", StringComparison.Ordinal);
    }
}
