using System.Text.RegularExpressions;

namespace BudgetGrpc.Engine.Layouts;

/// <summary>
/// A project code printed in front of the name in one cell (`51000021R000000019951-工资性支出`, as budget systems
/// export 项目名称): the code and the name apart.
/// </summary>
internal static partial class ProjectCodePrefix
{
    public static (string Code, string Name) Split(string code, string name)
    {
        var m = Prefix().Match(name);
        if (!m.Success || m.Groups["code"].Value.Count(char.IsDigit) < 6) return (code, name);
        return (code.Length > 0 ? code : m.Groups["code"].Value, m.Groups["name"].Value.Trim());
    }

    [GeneratedRegex(@"^(?<code>[0-9A-Z]{8,32})\s*[-－—_]\s*(?<name>\S.*)$")]
    private static partial Regex Prefix();
}
