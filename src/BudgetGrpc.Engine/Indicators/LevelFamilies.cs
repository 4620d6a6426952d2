namespace BudgetGrpc.Engine.Indicators;

/// <summary>Which second levels stand under which first level, and a best guess where the source names none.</summary>
internal static class LevelFamilies
{
    public static bool Fits(string level1, string level2) => level1 switch
    {
        LevelNames.Output => level2 is LevelNames.Quantity or LevelNames.Quality or LevelNames.Timeliness
            // 101号 tables sometimes file 经济成本指标 under 产出指标; that mix is kept as written.
            or LevelNames.OutputCost or LevelNames.EconomicCost or LevelNames.SocialCost or LevelNames.EcologicalCost,
        LevelNames.Benefit => level2 is LevelNames.EconomicBenefit or LevelNames.SocialBenefit
            or LevelNames.EcologicalBenefit or LevelNames.Sustainability,
        LevelNames.Satisfaction => level2 is LevelNames.ServiceSatisfaction,
        LevelNames.Cost => LevelNames.IsCostFamily(level2),
        _ => false,
    };

    public static string FirstLevelOf(string level2, string? current) => level2 switch
    {
        LevelNames.EconomicCost or LevelNames.SocialCost or LevelNames.EcologicalCost =>
            current == LevelNames.Output ? LevelNames.Output : LevelNames.Cost,
        LevelNames.EconomicBenefit or LevelNames.SocialBenefit or LevelNames.EcologicalBenefit or LevelNames.Sustainability =>
            LevelNames.Benefit,
        LevelNames.ServiceSatisfaction => LevelNames.Satisfaction,
        _ => LevelNames.Output,
    };

    /// <summary>
    /// The levels of an item written with no second-level heading, from its words. A 满意度 item is always
    /// 服务对象满意度指标; otherwise the first level stays as declared.
    /// </summary>
    public static (string Level1, string Level2) Infer(string name, string? level1)
    {
        if (level1 == LevelNames.Satisfaction || (level1 is null && name.Contains("满意", StringComparison.Ordinal)))
            return (LevelNames.Satisfaction, LevelNames.ServiceSatisfaction);
        // No first level at all (a flat list): what the indicator speaks of decides between output and benefit.
        if (level1 is null && HasAny(name, "改善", "提升", "提高", "促进", "效益", "影响", "带动", "增收", "受益", "有效性", "受灾", "生态", "环境", "可持续", "长效", "节约", "节省"))
            level1 = LevelNames.Benefit;
        switch (level1)
        {
            case LevelNames.Benefit:
                if (HasAny(name, "经济", "收入", "产值", "增收", "利润", "税收", "节约", "节省")) return (level1, LevelNames.EconomicBenefit);
                if (HasAny(name, "生态", "环境", "绿化", "污染", "排放", "节能")) return (level1, LevelNames.EcologicalBenefit);
                if (HasAny(name, "可持续", "长效", "长期", "机制")) return (level1, LevelNames.Sustainability);
                return (level1, LevelNames.SocialBenefit);
            case LevelNames.Cost:
                if (HasAny(name, "社会")) return (level1, LevelNames.SocialCost);
                if (HasAny(name, "生态", "环境")) return (level1, LevelNames.EcologicalCost);
                return (level1, LevelNames.EconomicCost);
            default:
                var l1 = level1 ?? LevelNames.Output;
                if (HasAny(name, "及时", "时效", "时间", "时限", "进度", "按期", "按时", "完成时")) return (l1, LevelNames.Timeliness);
                if (HasAny(name, "成本", "费用", "经费", "资金", "金额", "单价", "价格", "补助标准")) return (l1, LevelNames.OutputCost);
                if (HasAny(name, "率", "合格", "质量", "达标", "规范", "合规")) return (l1, LevelNames.Quality);
                return (l1, LevelNames.Quantity);
        }
    }

    private static bool HasAny(string text, params string[] words) => words.Any(w => text.Contains(w, StringComparison.Ordinal));
}
