using System.Globalization;
using System.Text;
using BudgetGrpc.Data.Tests.Infrastructure;

namespace BudgetGrpc.Delivery.Tests.Infrastructure;

/// <summary>
/// Target tables made from the agriculture sample (tests/samples/yangli-2025-agri.csv) with a department of their own,
/// so that each is its own disclosure. In <see cref="Publishable"/> and <see cref="Blocked"/> the first project's name
/// starts with "=", as a hostile cell would.
/// </summary>
public static class Tables
{
    private const string SampleDepartment = "样例县农业农村局";

    private static readonly Lazy<string> Template = new(() => File.ReadAllText(Samples.Path("yangli-2025-agri.csv"), Encoding.UTF8));

    public const string FormulaProjectName = "=HYPERLINK(1)高标准农田建设项目";

    public static string Department(int n) => $"测试局{n.ToString(CultureInfo.InvariantCulture)}号";

    /// <summary>No error findings. <paramref name="edit"/> changes one target value, making a new revision of the same disclosure.</summary>
    public static byte[] Publishable(int n, int edit = 0) => Encoding.UTF8.GetBytes(Make(n, edit));

    /// <summary>The declared 合计 does not match the projects (BG101, an error): never delivered.</summary>
    public static byte[] Blocked(int n, int edit = 0) => Encoding.UTF8.GetBytes(Make(n, edit).Replace("13930000", "99999999", StringComparison.Ordinal));

    /// <summary>The agriculture sample as it is, but for its department (title and unit column): a valid table of its own.</summary>
    public static string Agri(string department) => Template.Value.Replace(SampleDepartment, department, StringComparison.Ordinal);

    private static string Make(int n, int edit) =>
        Agri(Department(n))
            .Replace("\"高标准农田建设项目\"", "\"" + FormulaProjectName + "\"", StringComparison.Ordinal)
            .Replace("\"≥\",10000,", $"\"≥\",{(10000 + edit).ToString(CultureInfo.InvariantCulture)},", StringComparison.Ordinal);
}
