using System.Text;
using System.Security.Cryptography;
using BudgetGrpc.Data;
using BudgetGrpc.Data.Entities;
using BudgetGrpc.Engine;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Server.Import;

namespace BudgetGrpc.Data.Tests.Infrastructure;

/// <summary>Hand-built disclosures, so the store is tested independently of the readers.</summary>
public static class TestDisclosures
{
    public const string Department = "门源县工业商务和信息化局";

    /// <summary>
    /// Two projects, five indicators, one error finding on the satisfaction indicator of project 1.
    /// <paramref name="satisfaction"/> and <paramref name="amount"/> let a test make a second, different revision.
    /// </summary>
    public static Disclosure Make(
        string department = Department, int? fiscalYear = 2024, decimal satisfaction = 95m, decimal amount = 18.00m,
        string fileName = "dept.tsv", bool withCostIndicator = true)
    {
        var p1Indicators = new List<Indicator>
        {
            Ind("产出指标", "数量指标", "项目资金金额", Comparator.GreaterOrEqual, 30m, "万元", "项目资金金额≥30万元", 7),
            Ind("产出指标", "时效指标", "年内完成", Comparator.Equal, 100m, "%", "2024年年内完成100%", 7),
            Ind("满意度指标", "服务对象满意度指标", "社会满意度", Comparator.GreaterOrEqual, satisfaction, "%", $"社会满意度达到{satisfaction}%以上", 7),
        };
        if (withCostIndicator)
            p1Indicators.Add(Ind("产出指标", "成本指标", "宣传推介费", Comparator.LessOrEqual, 8m, "万元", "宣传推介费：8万元", 7));
        var p2Indicators = new List<Indicator>
        {
            new()
            {
                Level1 = "效益指标", Level2 = "社会效益指标", Name = "保障市场供应", Comparator = Comparator.Qualitative,
                QualitativeValue = "效果明显", Text = "保障市场供应 定性 效果明显", Source = new SourceRef(null, 8, 5, "绩效指标"),
            },
            Ind("满意度指标", "服务对象满意度指标", "群众满意度", Comparator.GreaterOrEqual, 85m, "%", "群众满意度≥85%", 8),
        };
        return new Disclosure
        {
            Source = new SourceInfo(fileName, "", "tsv", Layout.Wide),
            Title = $"{department}{fiscalYear}年部门预算项目支出绩效目标公开表",
            Department = department,
            FiscalYear = fiscalYear,
            AmountUnit = AmountUnits.TenThousandYuan,
            DeclaredTotal = 108.79m,
            DeclaredTotalSource = new SourceRef(null, 6, 3, "金额(万元)"),
            Projects =
            [
                new Project
                {
                    Code = "1", Name = "招商引资工作经费", Amount = amount,
                    Objectives = ["充分利用门源现有资源优势", "支付招商引资宣传费"],
                    Indicators = p1Indicators,
                    Headings = [new IndicatorHeading("产出指标", "数量指标", new SourceRef(null, 7, 5))],
                    Attributes = new Dictionary<string, string> { ["实施单位"] = "商务局" },
                    Source = new SourceRef(null, 7, 1, "单位编码"),
                },
                new Project
                {
                    Code = "2", Name = "冻猪肉应急储备", Amount = 90.79m,
                    Objectives = ["完成应急储备"],
                    Indicators = p2Indicators,
                    Source = new SourceRef(null, 8, 1, "单位编码"),
                },
            ],
            Findings =
            [
                new Finding { RuleId = "BG101", Severity = Severity.Warning, Message = "合计与项目金额之和不符", MessageEn = "total differs" },
                new Finding
                {
                    RuleId = "BG301", Severity = Severity.Error, Message = "满意度指标值异常", MessageEn = "satisfaction odd",
                    ProjectCode = "1", IndicatorIndex = 2, Source = new SourceRef(null, 7, 5),
                },
            ],
        };
    }

    private static Indicator Ind(string l1, string l2, string name, Comparator c, decimal value, string unit, string text, int row) => new()
    {
        Level1 = l1, Level2 = l2, Name = name, Comparator = c, Value = value, Unit = unit, Text = text,
        Source = new SourceRef(null, row, 5, "绩效指标"),
    };

    /// <summary>Bytes that stand for the file; distinct per <paramref name="variant"/>.</summary>
    public static byte[] Bytes(string variant) => Encoding.UTF8.GetBytes("hand-built disclosure " + variant);

    public static ImportCommand Command(string variant, string? hint = null, string? requestId = null, bool validateOnly = false) =>
        new("dept.tsv", Bytes(variant), hint, validateOnly, requestId);

    /// <summary>
    /// The rows the import would write for <paramref name="parsed"/> read from <paramref name="content"/>; the department
    /// from the file, else <paramref name="hint"/>.
    /// </summary>
    public static RevisionRows Rows(Disclosure parsed, byte[] content, string? hint = null, RevisionOrigin origin = RevisionOrigin.Import, string? requestId = null)
    {
        var department = DisclosureIdentity.StoredDepartment(!string.IsNullOrWhiteSpace(parsed.Department) ? parsed.Department : hint ?? "");
        var identity = new DisclosureIdentity(department, parsed.FiscalYear ?? throw new ArgumentException("no fiscal year", nameof(parsed)), parsed.Kind);
        return DisclosureMapper.ToRows(parsed, identity, content, Sha256(content), ContentHash.Of(parsed), DisclosureEngine.Version,
            DateTimeOffset.UtcNow, requestId, origin);
    }

    /// <summary>The upload record of <see cref="Bytes"/>(<paramref name="variant"/>) under an optional request id.</summary>
    public static UploadRecord Upload(string variant, string? requestId = null, string keyScope = "", bool validateOnly = false) =>
        new("dept.tsv", Bytes(variant), Sha256(Bytes(variant)), DateTimeOffset.UtcNow, null, requestId, keyScope, validateOnly);

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
