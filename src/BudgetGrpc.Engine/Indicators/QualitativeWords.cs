namespace BudgetGrpc.Engine.Indicators;

/// <summary>Words that county tables write as a qualitative target (效果明显, 提升, 合规 …).</summary>
internal static class QualitativeWords
{
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "效果明显", "效果显著", "成效明显", "成效显著", "明显", "显著", "提升", "提高", "明显提升", "明显提高", "显著提升",
        "显著提高", "有所提升", "有所提高", "逐步提升", "逐步提高", "持续提升", "持续提高", "稳步提升", "稳步提高",
        "巩固提高", "巩固提升", "改善", "明显改善", "持续改善", "有效改善", "逐步改善", "缓解", "有效缓解", "明显缓解",
        "长期", "长期有效", "持续", "持续发挥", "持续有效", "优良", "优秀", "良好", "较好", "好", "合规", "合格", "达标",
        "规范", "健全", "完善", "逐步健全", "逐步完善", "不断完善", "年内", "年底前", "年底前完成", "年内完成",
        "按期完成", "按时完成", "及时", "及时完成", "按时", "按期", "无明显影响", "无影响", "无", "有效", "保障",
        "有效保障", "得到保障", "增强", "明显增强", "促进", "有效促进", "降低", "减少", "增加", "稳定", "保持稳定",
        "满意", "基本满意", "是", "否", "已完成", "完成", "正常", "安全", "准确",
        // docs/layout-survey.md, "How targets are written"
        "持续开展", "开展", "稳步推进", "有序推进", "顺利推进", "全面完成", "应保尽保", "按月安排", "不超预算",
        "参照政府采购成本控制", "显著改善", "显著提升", "持续保障", "逐步提升", "有所减轻", "有所提升", "进一步提升",
    };

    /// <summary>Whether the text, trimmed of end punctuation, is a known qualitative target.</summary>
    public static bool IsKnown(string text) => Known.Contains(text.Trim().TrimEnd('。', '.', '；', ';', '，', ','));
}
