namespace BudgetGrpc.Engine.Tests.Variants;

/// <summary>One indicator as the gold states it: canonical levels, name, comparator (wire form), value, unit, qualitative text.</summary>
internal sealed record CanonIndicator(string Level1, string Level2, string Name, string Comparator, decimal? Value, string Unit, string Qualitative)
{
    public bool IsQualitative => Comparator == "qualitative";
    /// <summary>A self-evaluation's 实际完成值 (null on a target table).</summary>
    public CanonActual? Actual { get; init; }
    /// <summary>A self-evaluation's 分值 / 权重 and stated 得分.</summary>
    public decimal Weight { get; init; }
    public decimal Score { get; init; }
    /// <summary>A self-evaluation's 偏差原因分析及改进措施, where the target was missed.</summary>
    public string Reason { get; init; } = "";
}

/// <summary>What a self-evaluation states was achieved: a number in the target's unit, or words (达成, 已按期完成).</summary>
internal sealed record CanonActual(decimal? Value, string Qualitative);

/// <summary>A self-evaluated project's 预算执行情况 (万元; the rate in percent) with its weight and stated score.</summary>
internal sealed record CanonBudget(decimal Initial, decimal Adjusted, decimal Executed, decimal Rate, decimal Weight, decimal Score);

/// <summary>A funded project (or, for a department-wide table, the department's whole spending). Amounts are in 万元.</summary>
internal sealed record CanonProject(string Code, string Name, decimal Amount, IReadOnlyList<string> Objectives, IReadOnlyList<CanonIndicator> Indicators)
{
    /// <summary>A department-wide table's 年度主要任务 (name, content, amount in 万元); empty for a project.</summary>
    public IReadOnlyList<(string Name, string Content, decimal Amount)> Tasks { get; init; } = [];
    /// <summary>A department-wide table's 财政拨款 and 其他资金 (万元).</summary>
    public decimal Fiscal { get; init; }
    public decimal Other { get; init; }
    /// <summary>A self-evaluation's budget block, its 总分 and its 实际完成情况 of the year's objectives.</summary>
    public CanonBudget? Budget { get; init; }
    public decimal DeclaredScore { get; init; }
    public string Achieved { get; init; } = "";
}

internal enum VariantFamily
{
    Wide,
    Long,
    Form,
    DepartmentTargets,
    SelfEvaluation,
}

/// <summary>A disclosure written by us, the gold of every variant rendered from it.</summary>
internal sealed record CanonDisclosure(string Department, int Year, IReadOnlyList<CanonProject> Projects, bool DepartmentWide = false)
{
    public string Kind => DepartmentWide ? "departmentTargets" : SelfEvaluation ? "selfEvaluation" : "projectTargets";
    public bool SelfEvaluation => Projects.Any(p => p.Budget is not null);
    /// <summary>A self-evaluation's 实施单位 (the 主管部门 is <see cref="Department"/>).</summary>
    public string Implementer { get; init; } = "";
}

/// <summary>
/// The canonical disclosures. Written for these tests (names and numbers invented, modelled on the indicator
/// framework): both level schemes (classic, and 101号 with cost as a first level), every comparator, numeric and
/// qualitative targets, the units real tables use.
/// </summary>
internal static class Canonical
{
    private static CanonIndicator N(string l1, string l2, string name, string cmp, decimal value, string unit) =>
        new(l1, l2, name, cmp, value, unit, "");

    private static CanonIndicator Q(string l1, string l2, string name, string text) =>
        new(l1, l2, name, "qualitative", null, "", text);

    private const string Out = "产出指标", Ben = "效益指标", Sat = "满意度指标", Cost = "成本指标";
    private const string Qty = "数量指标", Qual = "质量指标", Time = "时效指标", CostL2 = "成本指标";
    private const string Eco = "经济效益指标", Soc = "社会效益指标", Env = "生态效益指标", Sus = "可持续影响指标";
    private const string Serv = "服务对象满意度指标";

    public static readonly CanonDisclosure Water = new("示例县水利局", 2025,
    [
        new("1", "农村饮水安全巩固提升工程", 380.00m,
            ["新建和改造农村供水管网120公里，巩固提升农村饮水安全保障水平。", "提高农村自来水普及率，保障群众饮水安全。"],
            [
                N(Out, Qty, "新建改造供水管网长度", ">=", 120, "公里"),
                N(Out, Qty, "受益人口", ">=", 3.5m, "万人"),
                N(Out, Qual, "工程验收合格率", "=", 100, "%"),
                N(Out, Qual, "农村集中供水水质达标率", ">=", 95, "%"),
                Q(Out, Time, "工程完工时间", "2025年11月底前"),
                N(Out, CostL2, "管网建设单位成本", "<=", 28, "万元/公里"),
                N(Ben, Soc, "农村自来水普及率", ">=", 92, "%"),
                Q(Ben, Env, "水源地保护", "持续改善"),
                N(Ben, Sus, "工程设计使用年限", ">=", 20, "年"),
                N(Sat, Serv, "受益群众满意度", ">=", 90, "%"),
            ]),
        new("2", "河道日常管护经费", 65.50m,
            ["落实河道日常保洁和巡查，保持河道整洁畅通。"],
            [
                N(Out, Qty, "河道保洁长度", ">=", 86, "公里"),
                N(Out, Qty, "巡河次数", ">=", 48, "次"),
                N(Out, Qual, "河道保洁达标率", ">=", 90, "%"),
                N(Out, Time, "问题整改时限", "<=", 7, "天"),
                N(Out, CostL2, "每公里年度管护成本", "<=", 0.76m, "万元"),
                Q(Ben, Env, "河道水质", "稳步提高"),
                N(Sat, Serv, "沿河群众满意度", ">", 85, "%"),
            ]),
        new("3", "防汛抗旱物资储备", 42.00m,
            ["汛前完成防汛物资采购入库。", "提高防汛应急保障能力，确保安全度汛。"],
            [
                N(Cost, "经济成本指标", "物资采购成本", "<=", 42, "万元"),
                Q(Cost, "社会成本指标", "对群众生产生活的影响", "无明显影响"),
                N(Out, Qty, "储备编织袋", ">=", 20000, "个"),
                N(Out, Qty, "应急抢险队伍培训", ">=", 3, "批次"),
                N(Out, Qual, "物资验收合格率", "=", 100, "%"),
                Q(Out, Time, "物资入库时间", "汛前完成"),
                N(Ben, Soc, "因洪涝灾害死亡人数", "=", 0, "人"),
                Q(Ben, Sus, "防汛应急保障能力", "巩固提高"),
                N(Sat, Serv, "群众满意度", ">=", 90, "%"),
            ]),
    ]);

    public static readonly CanonDisclosure Health = new("示例市卫生健康委员会", 2026,
    [
        new("1", "基本公共卫生服务项目", 1260.80m,
            ["为城乡居民免费提供基本公共卫生服务。", "提高重点人群健康管理水平。", "逐步缩小城乡居民基本公共卫生服务差距。"],
            [
                N(Out, Qty, "居民电子健康档案建档率", ">=", 90, "%"),
                N(Out, Qty, "65岁及以上老年人健康管理率", ">=", 70, "%"),
                N(Out, Qty, "0-6岁儿童健康管理率", ">=", 90, "%"),
                N(Out, Qty, "高血压患者规范管理人数", ">=", 12000, "人"),
                N(Out, Qual, "高血压患者规范管理率", ">=", 65, "%"),
                N(Out, Qual, "传染病报告及时率", "=", 100, "%"),
                N(Out, Time, "资金拨付及时率", ">=", 95, "%"),
                N(Out, CostL2, "人均基本公共卫生服务补助标准", "=", 94, "元"),
                Q(Ben, Soc, "城乡居民公共卫生服务差距", "逐步缩小"),
                N(Ben, Soc, "居民健康素养水平", ">=", 28, "%"),
                Q(Ben, Sus, "基本公共卫生服务水平", "持续提升"),
                N(Sat, Serv, "居民满意度", ">=", 85, "%"),
            ]),
        new("2", "村医补助经费", 216.00m,
            ["按月足额发放村医补助，稳定村医队伍。"],
            [
                N(Out, Qty, "补助村医人数", "=", 360, "人"),
                N(Out, Qual, "补助发放准确率", "=", 100, "%"),
                Q(Out, Time, "补助发放时间", "按季度发放"),
                N(Out, CostL2, "村医月人均补助", "=", 500, "元"),
                Q(Ben, Soc, "村医队伍稳定性", "明显增强"),
                N(Sat, Serv, "村医满意度", ">=", 90, "%"),
            ]),
        new("3", "重大传染病防控经费", 88.60m,
            ["做好重大传染病监测和应急处置。", "有效防止重大传染病暴发流行。"],
            [
                N(Out, Qty, "传染病监测点数量", ">=", 15, "个"),
                N(Out, Qty, "开展应急演练", ">=", 2, "次"),
                N(Out, Qual, "疫情处置率", "=", 100, "%"),
                N(Out, Time, "突发疫情报告时间", "<=", 2, "小时"),
                Q(Out, Time, "应急物资到位日期", "2026-06-30"),
                N(Out, CostL2, "应急物资储备成本", "<", 30, "万元"),
                N(Ben, Soc, "重大传染病暴发", "=", 0, "起"),
                Q(Ben, Sus, "传染病防控能力", "有效提升"),
                N(Sat, Serv, "社会公众满意度", ">=", 85, "%"),
            ]),
    ]);

    public static readonly CanonDisclosure Culture = new("示例区文化和旅游局", 2024,
    [
        new("1", "公共文化服务体系建设", 150.00m,
            ["开展送戏下乡和村级文化广场建设。", "丰富群众文化生活。"],
            [
                N(Out, Qty, "送戏下乡演出场次", ">=", 120, "场"),
                N(Out, Qty, "新建村级文化广场", "=", 12, "个"),
                N(Out, Qty, "图书馆年度新增藏书", ">=", 8000, "册"),
                N(Out, Qual, "文化设施验收合格率", "=", 100, "%"),
                Q(Out, Time, "项目完成时间", "2024年12月31日前"),
                N(Out, CostL2, "每场演出补助标准", "<=", 3000, "元"),
                Q(Ben, Soc, "群众文化生活", "效果明显"),
                N(Ben, Eco, "带动文旅消费增长", ">=", 5, "%"),
                N(Sat, Serv, "群众满意度", ">=", 90, "%"),
            ]),
        new("2", "非物质文化遗产保护", 30.00m,
            ["资助非遗代表性传承人开展传习活动。"],
            [
                N(Out, Qty, "非遗传承人补助人数", "=", 45, "人"),
                N(Out, Qty, "非遗展演活动", ">=", 6, "次"),
                N(Out, Time, "补助发放及时率", "=", 100, "%"),
                N(Out, CostL2, "传承人年人均补助", "<=", 4000, "元"),
                Q(Ben, Sus, "非遗项目传承", "持续开展"),
                N(Sat, Serv, "传承人满意度", ">=", 95, "%"),
            ]),
        new("3", "旅游宣传推广经费", 80.00m,
            ["组织旅游推介活动，扩大区域旅游影响。", "带动旅游综合收入增长。"],
            [
                N(Out, Qty, "发放宣传册", ">=", 5000, "册"),
                N(Out, Qty, "组织推介会", ">=", 4, "次"),
                N(Out, Qual, "宣传覆盖率", ">=", 80, "%"),
                Q(Out, Time, "推介活动完成时间", "按期完成"),
                N(Ben, Eco, "旅游综合收入增长", ">=", 8, "%"),
                Q(Ben, Soc, "区域旅游知名度", "明显提升"),
                N(Sat, Serv, "游客满意度", ">=", 85, "%"),
            ]),
    ]);

    public static readonly CanonDisclosure Livestock = new("示例县畜牧兽医局", 2025,
    [
        new("1", "动物疫病强制免疫", 95.00m,
            ["完成春秋两季重大动物疫病强制免疫。", "应免畜禽免疫密度保持在90%以上。"],
            [
                N(Cost, "经济成本指标", "疫苗采购成本", "<=", 72.5m, "万元"),
                Q(Cost, "生态环境成本指标", "对周边环境的影响", "无明显影响"),
                N(Out, Qty, "强制免疫畜禽数量", ">=", 38, "万头(只)"),
                N(Out, Qty, "免疫抗体抽检", ">=", 1200, "批次"),
                N(Out, Qual, "免疫密度", ">=", 90, "%"),
                Q(Out, Time, "春秋两季集中免疫", "按期完成"),
                N(Ben, Soc, "区域性重大动物疫情发生数", "=", 0, "起"),
                N(Ben, Env, "病死畜禽无害化处理率", "=", 100, "%"),
                N(Sat, Serv, "养殖户满意度", ">=", 90, "%"),
            ]),
        new("2", "饲草种植补贴", 56.00m,
            ["补贴饲草种植8000亩，增加优质饲草供给。"],
            [
                N(Out, Qty, "饲草种植面积", ">=", 8000, "亩"),
                N(Out, Qty, "补贴农户", ">=", 650, "户"),
                N(Out, Qual, "补贴面积核实准确率", "=", 100, "%"),
                Q(Out, Time, "补贴资金兑付时间", "2025年10月底前"),
                N(Out, CostL2, "亩均补贴标准", "=", 70, "元/亩"),
                N(Ben, Eco, "户均增收", ">=", 800, "元"),
                Q(Ben, Env, "草地生态环境", "持续改善"),
                Q(Ben, Sus, "饲草供给能力", "稳步提高"),
                N(Sat, Serv, "受益农户满意度", ">=", 92, "%"),
            ]),
    ]);

    public static readonly CanonDisclosure WaterWhole = new("示例县水利局", 2025,
    [
        new("", "示例县水利局", 3260.50m,
            ["保障机关正常运转和水利工程运行管护。", "巩固提升农村饮水安全保障水平。", "做好河湖管护和防汛抗旱工作，确保安全度汛。"],
            [
                N(Out, Qty, "新建改造供水管网长度", ">=", 120, "公里"),
                N(Out, Qty, "河道保洁长度", ">=", 86, "公里"),
                N(Out, Qty, "应急抢险队伍培训", ">=", 3, "批次"),
                N(Out, Qual, "工程验收合格率", "=", 100, "%"),
                N(Out, Time, "项目资金支付及时率", ">=", 95, "%"),
                N(Out, CostL2, "项目支出预算控制数", "<=", 2740, "万元"),
                N(Ben, Eco, "新增供水能力", ">=", 1.2m, "万吨"),
                N(Ben, Soc, "农村自来水普及率", ">=", 92, "%"),
                Q(Ben, Env, "河湖水环境质量", "持续改善"),
                Q(Ben, Sus, "水利工程长效管护机制", "逐步健全"),
                N(Sat, Serv, "群众满意度", ">=", 90, "%"),
            ])
        {
            Fiscal = 3180.50m,
            Other = 80.00m,
            Tasks =
            [
                ("保障机构正常运转", "保障在职人员工资福利和日常公用经费支出", 520.50m),
                ("农村饮水安全巩固提升", "新建和改造农村供水管网120公里", 2400.00m),
                ("河湖管护与防汛", "河道日常保洁巡查和防汛物资储备", 340.00m),
            ],
        },
    ], DepartmentWide: true);

    public static readonly CanonDisclosure MarketWhole = new("示例市市场监督管理局", 2026,
    [
        new("", "示例市市场监督管理局", 1845.00m,
            ["保障机关正常运转。", "加强食品药品安全监管，守住不发生区域性系统性风险的底线。"],
            [
                N(Out, Qty, "食品安全抽检批次", ">=", 4800, "批次"),
                N(Out, Qty, "特种设备检查", ">=", 600, "台次"),
                N(Out, Qual, "抽检不合格食品核查处置率", "=", 100, "%"),
                Q(Out, Time, "年度抽检任务完成时间", "2026年11月底前"),
                N(Out, CostL2, "单批次抽检成本", "<=", 1200, "元"),
                Q(Ben, Soc, "食品安全形势", "总体稳定"),
                N(Ben, Soc, "重大食品安全事故发生数", "=", 0, "起"),
                N(Ben, Eco, "新增市场主体", ">=", 5000, "户"),
                N(Sat, Serv, "群众对食品安全满意度", ">=", 80, "%"),
            ])
        {
            Fiscal = 1845.00m,
            Other = 0m,
            Tasks =
            [
                ("机关运转", "保障人员经费和公用经费", 1105.00m),
                ("食品安全抽检", "完成年度食品安全监督抽检", 580.00m),
                ("特种设备安全监察", "开展特种设备安全检查", 160.00m),
            ],
        },
    ], DepartmentWide: true);

    public static readonly IReadOnlyList<CanonDisclosure> ProjectTables = [Water, Health, Culture, Livestock];
    public static readonly IReadOnlyList<CanonDisclosure> DepartmentTables = [WaterWhole, MarketWhole];
}
