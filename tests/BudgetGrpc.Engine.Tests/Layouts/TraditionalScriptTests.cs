using BudgetGrpc.Engine.Model;
using Xunit;

using static BudgetGrpc.Engine.Tests.Layouts.LayoutChecks;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Tables that mirror sites re-published in traditional script (繁体; two of the eleventh blind round's tables and one of
/// the tenth's): read like their simplified originals, their texts given back in the characters they were written in.
/// </summary>
public sealed class TraditionalScriptTests
{
    // A form of ours, written in simplified script and converted to traditional (OpenCC s2t), as a mirror would.
    private const string TraditionalForm = """
        <html><body><p>樣例市兒童福利院2026年度部門預算公開</p><p>項目支出績效目標表</p><p>金額單位：萬元</p>
        <table border="1">
        <tr><td>項目名稱</td><td colspan="3">孤殘兒童康復訓練</td></tr>
        <tr><td>主管部門</td><td>樣例市民政局</td><td>實施單位</td><td>樣例市兒童福利院</td></tr>
        <tr><td>項目資金</td><td>年度資金總額</td><td colspan="2">86.40</td></tr>
        <tr><td>年度績效目標</td><td colspan="3">爲院內兒童提供康復訓練，提高生活自理能力。</td></tr>
        <tr><td>一級指標</td><td>二級指標</td><td>三級指標</td><td>指標值</td></tr>
        <tr><td rowspan="2">產出指標</td><td>數量指標</td><td>康復訓練兒童人數</td><td>≥120人</td></tr>
        <tr><td>質量指標</td><td>康復訓練達標率</td><td>≥90%</td></tr>
        <tr><td>效益指標</td><td>社會效益指標</td><td>兒童生活質量</td><td>明顯改善</td></tr>
        <tr><td>滿意度指標</td><td>服務對象滿意度指標</td><td>監護人滿意度</td><td>≥95%</td></tr>
        </table></body></html>
        """;

    [Fact]
    public void A_table_in_traditional_script_is_read_and_keeps_its_characters()
    {
        var d = Parse(TraditionalForm);
        Assert.Equal(2026, d.FiscalYear);
        Assert.Equal(AmountUnits.TenThousandYuan, d.AmountUnit);
        Assert.Equal("樣例市民政局", d.Department);
        var p = Assert.Single(d.Projects);
        Assert.Equal("孤殘兒童康復訓練", p.Name);
        Assert.Equal(86.40m, p.Amount);
        Assert.Equal(["爲院內兒童提供康復訓練，提高生活自理能力。"], p.Objectives);
        // The levels are the canonical (simplified) names; the names and targets in words are the table's own.
        AssertIndicator(p, "产出指标", "数量指标", "康復訓練兒童人數", ">=", "120", "人");
        AssertIndicator(p, "产出指标", "质量指标", "康復訓練達標率", ">=", "90", "%");
        AssertIndicator(p, "效益指标", "社会效益指标", "兒童生活質量", "qualitative", null, "", "明顯改善");
        AssertIndicator(p, "满意度指标", "服务对象满意度指标", "監護人滿意度", ">=", "95", "%");
    }

    [Fact]
    public void A_simplified_table_with_a_few_characters_that_have_traditional_forms_is_read_untouched()
    {
        // 乾 and 於 fold to 干 and 于 in traditional text; in a simplified table they are names as written.
        var d = Parse("""
            <html><body><p>样例县住建局2026年项目支出绩效目标表</p>
            <table border="1">
            <tr><td>项目名称</td><td colspan="3">乾隆路於家巷改造</td></tr>
            <tr><td>项目资金</td><td>年度资金总额</td><td colspan="2">120</td></tr>
            <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
            <tr><td>产出指标</td><td>数量指标</td><td>改造乾隆路长度</td><td>≥800米</td></tr>
            <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>居民满意度</td><td>≥90%</td></tr>
            </table></body></html>
            """);
        var p = Assert.Single(d.Projects);
        Assert.Equal("乾隆路於家巷改造", p.Name);
        AssertIndicator(p, "产出指标", "数量指标", "改造乾隆路长度", ">=", "800", "米");
    }

    [Fact]
    public void The_generators_traditional_writing_converts_what_the_engine_folds_back()
    {
        // The variant axis script.traditional writes whole documents this way; were the table empty, its variants would
        // be simplified ones and prove nothing.
        Assert.Equal("產出指標 項目名稱 ≥95%", Variants.TraditionalWriting.Of("产出指标 项目名称 ≥95%"));
    }
}
