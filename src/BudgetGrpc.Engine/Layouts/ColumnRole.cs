namespace BudgetGrpc.Engine.Layouts;

/// <summary>What a column of a disclosure table holds, recognised from its header words.</summary>
internal enum ColumnRole
{
    None,
    Code,
    UnitName,
    ProjectName,
    Amount,
    Objectives,
    Indicators,
    Level1,
    Level2,
    Level3,
    Comparator,
    Value,
    Unit,
    Weight,
    Direction,
}

internal static class ColumnRoles
{
    /// <summary>The role of a header cell, from its normalised key (<see cref="CellValues.Key"/>).</summary>
    public static ColumnRole Of(string key)
    {
        if (key.Length is 0 or > 24) return ColumnRole.None;
        // Order matters: the longer, more specific words first.
        if (key.StartsWith("一级指标", StringComparison.Ordinal)) return ColumnRole.Level1;
        if (key.StartsWith("二级指标", StringComparison.Ordinal)) return ColumnRole.Level2;
        if (key.StartsWith("三级指标", StringComparison.Ordinal) || key is "指标名称" or "绩效指标名称" or "具体指标") return ColumnRole.Level3;
        if (key is "指标性质" or "计算符号" or "符号" or "比较符" or "指标值符号" or "运算符" or "关系符") return ColumnRole.Comparator;
        if (key.Contains("方向")) return ColumnRole.Direction;
        if (key is "权重" or "分值" or "权重(%)" or "指标权重" or "权重分值") return ColumnRole.Weight;
        if (key is "度量单位" or "计量单位" or "指标单位" or "单位(计量)" or "度量") return ColumnRole.Unit;
        if (key is "指标值" or "目标值" or "指标目标值" or "年度指标值" or "绩效指标值" or "指标值(目标值)" or "年度目标值" or "预期目标值" or "绩效目标值")
            return ColumnRole.Value;
        if (key.StartsWith("单位及项目名称", StringComparison.Ordinal) || key.StartsWith("项目名称", StringComparison.Ordinal)
            || key is "项目" or "项目(单位)名称" or "单位项目名称")
            return ColumnRole.ProjectName;
        if (key is "单位名称" or "预算单位" or "部门名称" or "单位" or "预算单位名称" or "主管部门") return ColumnRole.UnitName;
        if (key is "单位编码" or "项目编码" or "项目代码" or "编码" or "序号" or "项目编号" or "编号" or "代码") return ColumnRole.Code;
        if (key.StartsWith("金额", StringComparison.Ordinal) || key.StartsWith("预算数", StringComparison.Ordinal)
            || key.StartsWith("预算金额", StringComparison.Ordinal) || key.StartsWith("项目金额", StringComparison.Ordinal)
            || key.StartsWith("资金总额", StringComparison.Ordinal) || key.StartsWith("年度资金总额", StringComparison.Ordinal)
            || key.StartsWith("预算资金", StringComparison.Ordinal) || key.StartsWith("项目资金", StringComparison.Ordinal)
            || key.StartsWith("财政拨款", StringComparison.Ordinal))
            return ColumnRole.Amount;
        if (key.Contains("目标") && !key.Contains("指标")) return ColumnRole.Objectives;
        if (key is "绩效指标" or "年度绩效指标" or "绩效目标指标" or "指标" or "绩效指标内容") return ColumnRole.Indicators;
        return ColumnRole.None;
    }
}
