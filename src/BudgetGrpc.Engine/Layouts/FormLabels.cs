namespace BudgetGrpc.Engine.Layouts;

/// <summary>The labels of a form's header block (项目名称 …) and what they mean.</summary>
internal enum FormField
{
    None,
    /// <summary>项目名称: starts a project's form.</summary>
    Name,
    /// <summary>部门（单位）名称: starts a department-wide form.</summary>
    DepartmentName,
    Code,
    TotalAmount,
    AmountGroup,
    Objectives,
    /// <summary>长期目标 / 实施期目标: kept as an attribute, not the year's objectives.</summary>
    LongTermObjectives,
    /// <summary>年度主要任务: a department-wide table's task list.</summary>
    Tasks,
    /// <summary>任务名称 | 主要内容 | 预算金额: the header of a task list.</summary>
    TaskHeader,
    /// <summary>主管部门: names the department.</summary>
    Department,
    Other,
}

internal static class FormLabels
{
    public static FormField Of(string text)
    {
        var key = CellValues.Key(text);
        if (key.Length is 0 or > 20) return FormField.None;
        return Lexicon.RoleOf("label", key) is { } role && Enum.TryParse<FormField>(role, out var field) ? field : FormField.None;
    }
}
