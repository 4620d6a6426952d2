namespace BudgetGrpc.Engine.Layouts;

/// <summary>The labels of a form's header block (项目名称 …) and what they mean.</summary>
internal enum FormField
{
    None,
    Name,
    Code,
    TotalAmount,
    AmountGroup,
    Objectives,
    Other,
}

internal static class FormLabels
{
    public static FormField Of(string text)
    {
        var key = CellValues.Key(text);
        if (key.Length is 0 or > 20) return FormField.None;
        if (key is "项目名称" or "项目全称") return FormField.Name;
        if (key is "项目编码" or "项目代码" or "项目编号") return FormField.Code;
        if (key.StartsWith("年度资金总额", StringComparison.Ordinal) || key.StartsWith("资金总额", StringComparison.Ordinal)
            || key.StartsWith("项目总金额", StringComparison.Ordinal) || key.StartsWith("年度预算金额", StringComparison.Ordinal)
            || key.StartsWith("预算金额", StringComparison.Ordinal) || key.StartsWith("项目金额", StringComparison.Ordinal)
            || key.StartsWith("年度金额", StringComparison.Ordinal))
            return FormField.TotalAmount;
        if (key.StartsWith("项目资金", StringComparison.Ordinal) || key.StartsWith("资金情况", StringComparison.Ordinal)
            || key.StartsWith("预算资金", StringComparison.Ordinal) || key.StartsWith("资金来源", StringComparison.Ordinal))
            return FormField.AmountGroup;
        if (key is "年度总体目标" or "年度目标" or "总体目标" or "绩效目标" or "项目目标" or "年度绩效目标" or "项目绩效目标" or "总体绩效目标"
            || key.StartsWith("年度总体目标", StringComparison.Ordinal) || key.StartsWith("年度绩效目标", StringComparison.Ordinal))
            return FormField.Objectives;
        if (key is "主管部门" or "实施单位" or "项目属性" or "项目类型" or "项目负责人" or "联系电话" or "项目期限" or "预算单位" or "资金用途"
            || key.StartsWith("其中", StringComparison.Ordinal) || key.StartsWith("其他资金", StringComparison.Ordinal)
            || key.StartsWith("财政拨款", StringComparison.Ordinal) || key.StartsWith("上年结转", StringComparison.Ordinal))
            return FormField.Other;
        return FormField.None;
    }
}
