using System.Text.RegularExpressions;
using BudgetGrpc.Engine.Words;
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
    /// <summary>实施期资金总额: the whole period's funds, the amount only where the form states no year's amount.</summary>
    PeriodAmount,
    AmountGroup,
    Objectives,
    /// <summary>长期目标 / 实施期目标: kept as an attribute, not the year's objectives.</summary>
    LongTermObjectives,
    /// <summary>年度主要任务: a department-wide table's task list.</summary>
    Tasks,
    /// <summary>任务名称 | 主要内容 | 预算金额: the header of a task list.</summary>
    TaskHeader,
    /// <summary>预算单位 / 填报单位 / 申报单位: the unit whose table it is.</summary>
    Department,
    /// <summary>主管部门: the unit's supervising department, the table's only where no 填报单位 line or unit label names one.</summary>
    Supervisor,
    /// <summary>中央主管部门 / 省级主管部门: a higher government's department, the table's only where it names no other.</summary>
    UpperDepartment,
    Other,
}

internal static partial class FormLabels
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, FormField> Cells = new(StringComparer.Ordinal);

    /// <summary>The label a cell's text is (cached by the text as written: every row of every form is asked).</summary>
    public static FormField Of(string text)
    {
        if (text.Length is 0 or > 60) return FormField.None;
        if (Cells.TryGetValue(text, out var cached)) return cached;
        // 实施周期总目标(2025年--2027年), 年度目标（2026年）: the period in brackets is no part of the label.
        var key = YearsInBrackets().Replace(CellValues.Key(text), "");
        var field = key.Length is 0 or > 20 ? FormField.None
            : Lexicon.RoleOf("label", key) is { } role && Enum.TryParse<FormField>(role, out var parsed) ? parsed : FormField.None;
        if (Cells.Count < 20_000) Cells.TryAdd(text, field);
        return field;
    }

    [GeneratedRegex(@"\((?:\d{4}年?(?:度)?(?:[-—~～至]+\d{4}年?(?:度)?)?)\)$")]
    private static partial Regex YearsInBrackets();
}
