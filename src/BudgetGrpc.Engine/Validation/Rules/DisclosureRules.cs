using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Validation.Rules;

/// <summary>BG501: the department that discloses should be known.</summary>
internal sealed class DepartmentMissing : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG501", Severity.Warning, "no-department",
        "未能确定预算单位", "Department not found",
        "Fires when neither the title nor the header (填报单位, 单位名称) named the department. The data is still " +
        "published, but it cannot be filed under a department until someone names it.");

    public override void CheckDisclosure(Disclosure disclosure, FindingSink sink)
    {
        if (!string.IsNullOrWhiteSpace(disclosure.Department)) return;
        sink.Report("未能从表格中确定预算单位（部门）名称", "The department could not be found in the table");
    }
}

/// <summary>BG502: project codes identify projects across revisions and must be unique.</summary>
internal sealed class DuplicateProjectCode : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG502", Severity.Error, "duplicate-project",
        "项目编码重复", "Duplicate project code",
        "Fires on every project after the first that repeats a project code in the same file. Codes identify projects " +
        "in published revisions, so a repeat makes the disclosure ambiguous and blocks publication.");

    public override void CheckDisclosure(Disclosure disclosure, FindingSink sink)
    {
        var seen = new Dictionary<string, Project>(StringComparer.Ordinal);
        foreach (var project in disclosure.Projects)
        {
            var code = project.Code.Trim();
            if (code.Length == 0) continue;
            if (seen.TryGetValue(code, out var first))
                sink.Report($"项目编码“{code}”重复：“{first.Name}”与“{project.Name}”",
                    $"Project code “{code}” is used twice: “{first.Name}” and “{project.Name}”", project);
            else
                seen[code] = project;
        }
    }
}

/// <summary>BG503: the same project listed twice.</summary>
internal sealed class DuplicateProjectName : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG503", Severity.Warning, "duplicate-project",
        "项目名称重复", "Duplicate project name",
        "Fires on every project after the first with the same name and the same implementing unit (单位名称) in one file; " +
        "usually a row pasted twice. The same name under different units is legitimate in consolidated tables.");

    public override void CheckDisclosure(Disclosure disclosure, FindingSink sink)
    {
        var seen = new Dictionary<(string Unit, string Name), Project>();
        foreach (var project in disclosure.Projects)
        {
            var key = (project.Unit.Trim(), project.Name.Trim());
            if (key.Item2.Length == 0) continue;
            if (seen.TryGetValue(key, out var first))
                sink.Report($"项目名称“{project.Name}”重复（项目{first.Code}与项目{project.Code}）",
                    $"Project name “{project.Name}” appears twice (projects {first.Code} and {project.Code})", project);
            else
                seen[key] = project;
        }
    }
}
