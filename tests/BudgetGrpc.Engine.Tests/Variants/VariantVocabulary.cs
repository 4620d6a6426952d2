namespace BudgetGrpc.Engine.Tests.Variants;

/// <summary>
/// The words real tables use for each column role, form label and surrounding line: test data of ours, drawn from the
/// layout survey (issue 10) and the indicator framework. One place, so widening the generator is adding a word here.
/// </summary>
internal static class VariantVocabulary
{
    // Indicator table column roles.
    public static readonly string[] Level1 = ["一级指标", "一级", "绩效指标一级", "一级绩效指标", "一级指标名称", "一级目标"];
    public static readonly string[] Level2 = ["二级指标", "二级", "二级绩效指标", "二级指标名称"];
    public static readonly string[] Level3 = ["三级指标", "三级", "指标名称", "指标内容", "具体指标", "三级指标名称", "绩效指标名称", "三级指标（年度）"];
    public static readonly string[] Value =
        ["指标值", "目标值", "年度指标值", "指标值（包含数字及文字描述）", "绩效指标值", "年度目标值", "当年预期实现值", "*指标值", "预期目标值",
         "指标值及单位", "指标目标值", "预期达到目标", "指标值（年度）", "年度指标值（A）", "预期指标值(A)"];
    public static readonly string[] Unit = ["度量单位", "计量单位", "指标单位", "单位"];
    /// <summary>Headers over a column of ≥ ＝ ≤ 定性: the survey found the sign column under 指标方向 and 指标值类型 too.</summary>
    public static readonly string[] Comparator = ["指标性质", "计算符号", "运算符号", "指标方向", "指标值类型"];
    /// <summary>Group headers over the level columns in a two-row header.</summary>
    public static readonly string[] IndicatorGroup = ["绩效指标", "年度绩效指标", "绩效目标指标"];

    /// <summary>A value header split in two: the group word, the other column (last year's actual or long-term), this year's target.</summary>
    public static readonly (string Group, string Other, string Target)[] SplitValue =
    [
        ("指标值", "上年实际值", "本年目标值"),
        ("指标值", "中长期指标值", "年度指标值"),
        ("指标值", "上年完成值", "年度目标值"),
        ("目标值", "中期目标值", "年度目标值"),
    ];

    /// <summary>The same split written in one header row.</summary>
    public static readonly (string Other, string Target)[] ParallelValue =
    [
        ("指标值（长期）", "指标值（年度）"),
        ("中长期指标值", "年度指标值"),
        ("上年实际完成值", "本年度指标值"),
    ];

    /// <summary>Extra columns that are not part of the target: header words and how a cell is filled.</summary>
    public static readonly string[] DirectionHeader = ["指标方向", "指标方向性", "指标性质"];
    public static readonly string[] WeightHeader = ["权重", "分值", "权重（%）", "指标权重"];
    public static readonly string[] RemarkHeader = ["备注"];
    /// <summary>The parts of 财政资金 on a money block's second header row (a 小计 first where the form states it).</summary>
    public static readonly string[] MoneyColumnParts = ["中央|省级|市级|本级", "中央资金|省级资金|市县资金", "小计|中央资金|省级资金|市县资金"];
    /// <summary>The head of a column of second levels where a describing column holds the names (项目库 forms).</summary>
    public static readonly string[] LevelsAsNames = ["指标名称", "绩效指标名称"];
    /// <summary>The head of the column that describes each indicator and so holds its name beside such a column.</summary>
    public static readonly string[] DescribedNames = ["指标描述", "指标解释", "指标说明"];
    public static readonly string[] ExplanationHeader = ["指标解释", "*指标解释", "指标说明", "指标值内容", "指标值说明", "指标说明及公式", "绩效标准"];
    public static readonly string[] ScoringHeader = ["评分标准", "评（扣）分标准", "*评（扣）分标准", "评（扣分标准）"];
    public static readonly string[] ValueTypeHeader = ["指标值类型"];
    public static readonly string[] ScoringText = ["完成得满分，未完成按比例扣分", "未达指标值酌情扣分", "达到目标值得满分"];
    public static readonly string[] RemarkText = ["", "", "据实结算", "按上年标准"];

    // Project columns of a long table and of a wide table.
    public static readonly string[] ReportingUnit = ["单位名称", "预算单位", "单位"];
    public static readonly string[] ProjectCode = ["项目编码", "项目代码", "序号"];
    public static readonly string[] ProjectName = ["项目名称", "项目全称", "项目支出名称"];
    public static readonly string[] Amount = ["预算数", "金额", "预算金额", "资金总额", "年度预算数", "项目金额", "申报数"];
    public static readonly string[] Objectives = ["年度目标", "年度绩效目标", "绩效目标", "项目绩效目标", "年度总体目标", "总体目标"];
    public static readonly string[] WideCode = ["序号", "单位编码", "项目编码", "编码"];
    public static readonly string[] WideName = ["项目名称", "单位及项目名称", "项目"];
    public static readonly string[] WideIndicators = ["绩效指标", "年度绩效指标", "绩效指标（三级指标及指标值）", "年度绩效指标（含指标值）"];

    // Form labels of a project table.
    public static readonly string[] FormProjectName = ["项目名称", "项目全称", "项目支出名称", "项目（专项）名称", "专项名称", "资金名称", "转移支付（项目）名称"];
    public static readonly string[] FormDepartment = ["主管部门", "预算部门", "主管部门及代码", "主管部门及编码", "业务主管部门", "主管预算部门", "项目主管部门", "预算单位", "申报单位"];
    public static readonly string[] FormSupervisor = ["主管部门", "项目主管部门", "业务主管部门", "主管预算部门", "主管单位"];
    public static readonly string[] FormImplementer = ["实施单位", "项目实施单位", "项目单位", "项目执行单位", "具体实施单位"];
    public static readonly (string Label, string Value)[] FormAttributes =
        [("项目属性", "经常性项目"), ("项目类别", "延续项目"), ("项目负责人", "王某"), ("项目起止时间", "{year}.01-{year}.12"),
         ("项目负责人及联系电话", "王某 0000-1234567"), ("项目期", "1年"), ("项目类型", "其他项目")];
    public static readonly string[] FormMoneyGroup = ["项目资金（万元）", "项目资金", "资金情况（万元）", "项目资金申请（万元）", "项目金额（万元）", "项目预算金额（万元）", "资金总额及构成"];
    /// <summary>The label over a money block laid out in columns (round 3 and 4).</summary>
    public static readonly string[] MoneyColumnLabels = ["本年度预计投入", "资金总额", "年度资金总额", "项目资金"];

    public static readonly string[] FormTotal = ["年度资金总额", "资金总额", "当年资金总额", "年度预算数", "年度财政资金总额"];
    public static readonly string[] FormFiscal = ["其中：财政拨款", "财政拨款", "其中：当年财政拨款"];
    public static readonly string[] FormOther = ["其他资金", "其他", "当年其他资金"];
    public static readonly string[] FormObjectives = ["年度总体目标", "年度绩效目标", "总体目标", "年度目标", "本年度绩效目标", "项目绩效目标", "绩效目标", "年度主要目标和成果"];
    public static readonly string[] FormIndicatorBlock = ["绩效指标", "年度绩效指标", "本年度绩效指标", "绩效项目指标表"];

    // Department-wide tables.
    public static readonly string[] DeptName = ["部门（单位）名称", "部门名称", "单位名称", "预算部门", "主管部门（单位）名称", "区级预算单位名称", "县级预算单位名称", "部门"];
    public static readonly string[] DeptMoneyGroup = ["年度预算申请（万元）", "部门总体资金情况", "年度资金情况", "资金情况（万元）", "年度预算安排（万元）", "总体资金情况"];
    public static readonly string[] DeptTotal = ["资金总额", "年度资金总额", "部门预算总额"];
    public static readonly string[] DeptFiscal = ["财政拨款", "其中：财政拨款"];
    public static readonly string[] DeptOther = ["其他资金", "其他"];
    public static readonly string[] DeptTasks = ["年度主要任务", "主要任务"];
    public static readonly (string Name, string Content, string Amount)[] DeptTaskHeader =
        [("任务名称", "主要内容", "预算金额（万元）"), ("任务名称", "任务内容", "金额"), ("主要任务", "主要内容", "预算资金")];
    public static readonly string[] DeptGoals = ["年度总体目标", "年度绩效目标", "部门整体绩效目标", "总体目标", "*年度总体绩效目标", "*年度绩效总目标", "整体绩效目标"];
    public static readonly string[] DeptIndicatorBlock = ["年度绩效指标", "绩效指标"];

    // Self-evaluations (项目支出绩效自评表): the words docs/selfeval-survey.md counts (§3 vocabulary by role, §2 families,
    // §7 title block and rows below). Letters and brackets glued to heads ((A), (B), (B/A)) are kept as printed.
    public static readonly string[] SelfEvalTitles =
        ["项目支出绩效自评表", "部门预算项目支出绩效自评表", "绩效目标自评表", "财政预算支出项目绩效目标自评表"];
    /// <summary>Titles naming the year (and the department) themselves: §7's `2022年度项目支出绩效自评表`, D and E.</summary>
    public static readonly string[] SelfEvalYearTitles =
        ["{year}年度项目支出绩效自评表", "{dept}{year}年度项目支出绩效自评表", "{year}年度县级专项资金绩效目标自评表", "部门预算项目支出绩效自评表({year}年度)"];
    public static readonly string[] SelfEvalLevel3 = ["三级指标", "三级指标", "三级", "指标名称（三级指标）", "指标名称"];
    public static readonly string[] SelfEvalTarget = ["年度指标值", "年度指标值（A）", "指标值", "年初目标值（A）", "年初目标值", "年初指标值", "指标值（A）"];
    public static readonly string[] SelfEvalActual = ["实际完成值", "实际完成值（B）", "完成值", "全年实际值", "全年实际值（B）", "全年完成值", "年终完成值"];
    public static readonly string[] SelfEvalWeight = ["分值", "分值", "权重"];
    public static readonly string[] SelfEvalScore = ["得分", "得分", "自评分"];
    public static readonly string[] SelfEvalReason =
        ["偏差原因分析及改进措施", "未完成原因分析", "未完成原因及拟采取的改进措施", "未完成原因及改进措施", "未完成原因分析及改进措施", "未完成原因和改进措施"];
    /// <summary>Family I: 指标性质 holds the direction, 指标方向 the comparator in words.</summary>
    public static readonly (string Direction, string Comparator)[] SelfEvalWordColumns = [("指标性质", "指标方向")];
    public static readonly string[] SelfEvalSupervisor = ["主管部门", "主管部门", "项目主管部门", "县级主管部门", "项目主管单位"];
    public static readonly string[] SelfEvalImplementer = ["实施单位", "项目实施单位", "实施单位（盖章）"];
    /// <summary>The budget block's label down the left (the unit in brackets where it names one; weights glued as B and H print them).</summary>
    public static readonly string[] SelfEvalBudgetLabel = ["项目资金（{unit}）", "预算执行情况（10分）", "资金情况（{unit}）", "项目资金", "预算执行情况（{unit}）（10分）"];
    /// <summary>Budget heads by role: initial, adjusted, executed, rate, weight, score (§3 budget labels).</summary>
    public static readonly string[][] SelfEvalBudgetHeads =
    [
        ["年初预算数", "全年预算数", "全年执行数", "执行率", "分值", "得分"],
        ["年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"],
        ["年初预算数", "调整预算数（A）", "全年执行数（B）", "执行率（B/A）", "分值", "得分"],
        ["年初预算数", "全年预算数（A）", "全年执行数（B）", "执行率（%）", "分值（10分）", "得分"],
    ];
    public static readonly string[] SelfEvalBudgetTotal = ["年度资金总额", "年度资金总额：", "总额", "年度财政资金总额"];
    public static readonly string[] SelfEvalBudgetFiscal = ["其中：当年财政拨款", "其中：本年财政拨款", "其中：财政资金", "其中：财政拨款", "其中：本年一般公共预算拨款"];
    public static readonly string[] SelfEvalBudgetOther = ["其他资金", "上年结转资金", "单位资金"];
    /// <summary>The marks budget sub-rows carry in 分值 and 得分.</summary>
    public static readonly string[] SelfEvalSubRowMarks = ["", "-", "—", "——", "/"];
    /// <summary>年度总体目标 with its two heads (A, Y, I; C, D, E), or B's two label rows.</summary>
    public static readonly (string Label, string Expected, string Achieved)[] SelfEvalObjectives =
    [
        ("年度总体目标", "预期目标", "实际完成情况"),
        ("年度总体目标", "年初设定目标", "年度总体目标完成情况综述"),
        ("年度总体目标", "预期目标", "全年实际完成情况"),
        ("项目基本情况", "项目年度目标", "年度目标完成情况"),
    ];
    public static readonly string[] SelfEvalTotal = ["总分", "合计", "总计"];
    public static readonly string[] SelfEvalConclusions = ["自评结论", "评价结论"];
    /// <summary>Lines above a self-evaluation's title (§7): an attachment line, a report number, a table number, the unit and date.</summary>
    public static readonly string[] SelfEvalAboveLines = ["附件1", "附件：", "报表编号：{year}-017", "公开14表", "单位名称：{dept}　　填报日期：{next}年3月15日"];
    /// <summary>宁夏's identity rows (§2 C): the region's department above, the county's below, and the fiscal bureau.</summary>
    public static readonly (string Upper, string Local, string Finance)[] SelfEvalRegionRows = [("自治区主管部门", "市县主管部门", "市县财政部门")];
    public static readonly string[] SelfEvalContactLines =
    [
        "联系人：王某　　联系电话：0000-1234567",
        "项目负责人：张某　　财务负责人：李某",
        "填报人：赵某　　填报日期：{year}年3月15日",
    ];
    public static readonly string[] SelfEvalNotes =
    [
        "注：定量指标若为正向指标，得分＝全年实际值/年度指标值×该指标分值；反向指标反之，得分不超过分值。",
        "备注：1.预算执行率按“全年执行数/全年预算数”计算；2.定性指标根据完成情况分档评分。",
        "说明：无",
    ];

    // Comparators written in words (the spec's list: 不低于/不少于/达到…以上 are ≥, 不超过/以内/控制在…以内 are ≤).
    public static readonly string[] AtLeastWords = ["不低于{v}", "不少于{v}", "达到{v}以上", "{v}以上", "大于等于{v}"];
    public static readonly string[] AboveWords = ["大于{v}", "高于{v}"];
    public static readonly string[] BelowWords = ["小于{v}", "低于{v}"];
    public static readonly string[] AtMostWords = ["不超过{v}", "{v}以内", "控制在{v}以内", "不高于{v}", "小于等于{v}"];

    // Lines and rows around the table.
    public static readonly string[] ProjectTitles =
    [
        "{dept}{year}年部门预算项目支出绩效目标表",
        "{dept}{year}年度项目支出绩效目标公开表",
        "{year}年{dept}项目绩效目标申报表",
        "{dept}{year}年部门预算项目绩效目标申报表",
    ];
    public static readonly string[] FormTitles = ["项目支出绩效目标表", "项目支出绩效目标申报表", "项目绩效目标表", "绩效目标批复表", "绩效目标申报表", "项目支出绩效目标审批表", "项目支出预算绩效目标申报表"];
    public static readonly string[] DeptTitles = ["部门整体支出绩效目标表", "部门整体支出绩效目标申报表", "部门整体绩效目标表", "整体绩效目标表", "部门整体支出项目绩效目标申报表"];
    public static readonly string[] YearLines = ["（{year}年度）", "({year}年度)", "（ {year}年度）", "({year}年)", "{year}年度)"];
    public static readonly string[] FillUnitLabels = ["填报单位：", "填报单位（盖章）：", "单位名称：", "填报单位（公章）：", "预算单位：", "部门："];
    public static readonly string[] UnitLines = ["单位：{unit}", "金额单位：{unit}", "单位: {unit}"];
    public static readonly string[] AttachmentLabels = ["附件2", "附件3：", "附表1", "附件2-1"];

    public static readonly string[] SignatureLines =
    [
        "填报人：李某　　联系电话：0000-1234567",
        "单位负责人：张某　　填表人：赵某　　联系电话：0000-7654321",
        "填表人：赵某　　联系电话：0000-7654321　　填报日期：　　年　　月　　日",
    ];
    public static readonly string[] NoteLines =
    [
        "注：1.本表由项目单位填报；2.指标值为本年度目标值。",
        "备注：绩效指标按财政部门要求填报。",
        "其他需要说明事项：无",
    ];
    public static readonly (string Label, string Text)[] ApprovalRows =
    [
        ("财政部门审核意见", "同意"),
        ("主管部门审核意见", "（盖章）　　年　　月　　日"),
        ("财政部门绩效评价股审核意见", "同意申报"),
    ];

    /// <summary>Headers of another table of a notice printed under the performance table (an allocation list).</summary>
    public static readonly string[][] ListHeaders =
    [
        ["序号", "项目名称", "资金来源", "金额（万元）", "备注"],
        ["序号", "单位名称", "分配金额（元）", "备注"],
        ["编号", "项目名称", "预算金额"],
        ["序号", "单位名称", "项目名称", "金额", "备注"],
    ];

    /// <summary>A cell of such a list under its header word: a running number, a name, a source, an amount or a blank note.</summary>
    public static string ListCell(string header, int row, Random random) => header switch
    {
        "序号" or "编号" => (row + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        "项目名称" => ListProjects[random.Next(ListProjects.Length)],
        "单位名称" => ListUnits[random.Next(ListUnits.Length)],
        "资金来源" => random.Next(2) == 0 ? "省级资金" : "县级配套",
        "备注" => "",
        _ => (random.Next(5, 500) + random.Next(100) / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
    };

    private static readonly string[] ListProjects = ["乡村道路养护补助", "农村饮水安全维修", "困难群众临时救助"];
    private static readonly string[] ListUnits = ["城关镇人民政府", "县交通运输局", "县水利局"];
}
