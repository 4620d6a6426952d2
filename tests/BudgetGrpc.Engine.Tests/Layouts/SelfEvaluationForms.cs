using System.Globalization;
using System.Net;
using System.Text;
using BudgetGrpc.Engine.Tests.Reading;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace BudgetGrpc.Engine.Tests.Layouts;

/// <summary>
/// Writes self-evaluation forms the way the families of docs/selfeval-survey.md print them, from one evaluated project,
/// into xlsx (merged cells, numbers as numbers), html (rowspan/colspan on a saved page) and csv (merged cells blank, as
/// spreadsheet exports leave them). The project is known, so a parse can be checked field by field.
/// </summary>
public static class SelfEvaluationForms
{
    public enum Family { A, Y, B, C, H, H2 }
    public enum Levels { Merged, Repeated, Once }
    public enum Render { Xlsx, Html, Csv }

    /// <summary>One evaluated indicator: the target as sign/value/unit, the actual, weight, stated score and reason.</summary>
    public sealed record Item(string Level1, string Level2, string Name, string Sign, string Value, string Unit,
        string Actual, decimal Weight, decimal Score, string Reason = "")
    {
        public string Comparator => Sign switch { "≥" => ">=", "≤" => "<=", "定性" => "qualitative", _ => "=" };
        public bool Qualitative => Sign == "定性";
        public string GluedTarget => Qualitative ? Value : (Sign == "＝" ? "" : Sign) + Value + Unit;
        public string GluedActual => Qualitative ? Actual : Actual + Unit;
    }

    public static readonly Item[] Items =
    [
        new("产出指标", "数量指标", "新建机耕道长度", "≥", "12", "公里", "12.5", 20, 20),
        new("产出指标", "质量指标", "工程验收合格率", "＝", "100", "%", "100", 10, 10),
        new("产出指标", "时效指标", "按期完工率", "≥", "95", "%", "90", 10, 9.47m, "雨季施工受阻，下一步提前安排工期。"),
        new("产出指标", "成本指标", "每公里造价", "≤", "40", "万元", "38", 10, 10),
        new("效益指标", "社会效益指标", "受益农户数", "≥", "1200", "户", "1250", 15, 15),
        new("效益指标", "可持续影响指标", "道路使用年限", "定性", "长期", "", "达成", 15, 15),
        new("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥", "90", "%", "93", 10, 10),
    ];

    public const decimal Initial = 500m, Adjusted = 480m, Executed = 456m, BudgetWeight = 10m, BudgetScore = 9.5m, Total = 98.97m;
    public const string ProjectName = "机耕道建设项目", Department = "某县农业农村局", Objective = "新建机耕道12公里，改善农业生产条件。";

    /// <summary>Weights of the first levels, as `产出指标（50分）` labels write them.</summary>
    public static decimal LevelWeight(string level1) => Items.Where(i => i.Level1 == level1).Sum(i => i.Weight);

    private sealed record Cell(string Text, int Across = 1, int Down = 1, bool Number = false);

    private sealed class Sheet
    {
        public List<List<Cell>> Rows { get; } = [];
        public int Width { get; init; }
        public void Add(params Cell[] cells) => Rows.Add([.. cells]);
    }

    private static Cell T(string text, int across = 1, int down = 1) => new(text, across, down);
    private static Cell N(decimal value, int across = 1) => new(value.ToString(CultureInfo.InvariantCulture), across, 1, Number: true);
    private static string F(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The form of one family, its first levels written merged, repeated or once, with its weights in level labels or not.</summary>
    public static byte[] Write(Family family, Levels levels, bool levelWeights, bool zeroTotalRow, Render render, out string fileName)
    {
        var sheet = Build(family, levels, levelWeights || family is Family.C or Family.H or Family.H2, zeroTotalRow);
        fileName = $"selfeval-{family}-{levels}{(levelWeights ? "-w" : "")}{(zeroTotalRow ? "-z" : "")}.{render.ToString().ToLowerInvariant()}";
        return render switch
        {
            Render.Xlsx => Xlsx(sheet),
            Render.Html => Encoding.UTF8.GetBytes(Html(sheet)),
            _ => Encoding.UTF8.GetBytes(Csv(sheet)),
        };
    }

    private static Sheet Build(Family family, Levels levels, bool levelWeights, bool zeroTotalRow)
    {
        // Indicator columns of the family, left to right: the level columns take three.
        string[] header = family switch
        {
            Family.A => ["年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
            Family.Y => ["指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
            Family.B => ["指标性质", "指标值", "度量单位", "完成值", "权重", "得分", "未完成原因分析"],
            Family.C => ["分值", "年度指标值", "全年实际值（B）", "得分", "未完成原因及拟采取的改进措施"],
            // 湖北 财政预算支出项目绩效目标自评表 (survey round 10, #103): 复核分 left blank, 评价标准 a note.
            Family.H2 => ["年初指标值", "年终完成值", "自评分", "复核分", "评价标准"],
            _ => ["年初目标值（A）", "实际完成值（B）", "得分"],
        };
        var width = 3 + header.Length;
        var s = new Sheet { Width = width };
        s.Add(T(family == Family.C ? "绩效目标自评表" : family == Family.B ? "部门预算项目支出绩效自评表" : "项目支出绩效自评表", width));
        s.Add(T("（2024年度）", width));
        s.Add(T("项目名称"), T(ProjectName, width - 1));
        var half = (width - 2) / 2;
        if (family == Family.H2) s.Add(T("项目主管单位"), T(Department, half), T("项目实施单位"), T("某县农村公路管理站", width - 2 - half));
        else s.Add(T("主管部门"), T(Department, half), T("实施单位"), T("某县农村公路管理站", width - 2 - half));
        AddBudget(s, family, zeroTotalRow);
        AddObjectives(s, family);
        if (family == Family.Y)
        {
            s.Add(T("绩效指标", 3), T("年度指标值", 3), T("实际完成值", 1, 2), T("分值", 1, 2), T("得分", 1, 2), T("偏差原因分析及改进措施", 1, 2));
            s.Add(T("一级指标"), T("二级指标"), T("三级指标"), T("指标性质"), T("指标值"), T("度量单位"));
        }
        else
        {
            s.Add([T("一级指标"), T("二级指标"), T("三级指标"), .. header.Select(h => T(h))]);
        }
        var groups = Items.GroupBy(i => i.Level1).ToList();
        foreach (var group in groups)
        {
            var first = true;
            // H2 glues the weight to the level word: 产出指标50分.
            var label = !levelWeights ? group.Key
                : family == Family.H2 ? $"{group.Key}{F(LevelWeight(group.Key))}分" : $"{group.Key}（{F(LevelWeight(group.Key))}分）";
            foreach (var item in group)
            {
                var cells = new List<Cell>();
                if (levels == Levels.Merged) { if (first) cells.Add(T(label, 1, group.Count())); }
                else cells.Add(T(first || levels == Levels.Repeated ? label : ""));
                cells.Add(T(item.Level2));
                cells.Add(T(item.Name));
                cells.AddRange(Values(family, item));
                s.Add([.. cells]);
                first = false;
            }
        }
        AddTotal(s, family, width);
        AddBelow(s, family, width);
        return s;
    }

    private static IEnumerable<Cell> Values(Family family, Item i) => family switch
    {
        Family.A => [T(i.GluedTarget), T(i.GluedActual), N(i.Weight), N(i.Score), T(i.Reason)],
        Family.Y => [T(i.Sign), T(i.Value), T(i.Unit), T(i.GluedActual), N(i.Weight), N(i.Score), T(i.Reason)],
        Family.B => [T(i.Sign), T(i.Value), T(i.Unit), T(i.Actual), N(i.Weight), N(i.Score), T(i.Reason)],
        // 衔接资金 tables copy the target's sign into the actual (≥12.5公里).
        Family.C => [N(i.Weight), T(i.GluedTarget), T(i.Qualitative ? i.Actual : (i.Sign == "＝" ? "" : i.Sign) + i.GluedActual), N(i.Score), T(i.Reason)],
        Family.H2 => [T(i.GluedTarget), T(i.GluedActual), N(i.Score), T(""), T("按完成比例计分")],
        _ => [T(i.GluedTarget), T(i.GluedActual), N(i.Score)],
    };

    private static void AddBudget(Sheet s, Family family, bool zeroTotalRow)
    {
        var w = s.Width;
        switch (family)
        {
            case Family.B:
                s.Add(T("预算执行情况（10分）", 1, 3), T("年度预算数（万元）"), T("年初预算"), T("调整后预算数"), T("预算执行数"), T("预算执行率"), T("权重"), T("得分"), T("原因", w - 8, 3));
                s.Add(T("总额"), N(Initial), N(Adjusted), N(Executed), T("95.00%"), N(BudgetWeight), N(BudgetScore));
                s.Add(T("其中：财政资金"), N(Initial), N(Adjusted), N(Executed), T("95.00%"), T("/"), T("/"));
                break;
            case Family.C:
                s.Add(T("资金情况（万元）", 1, 3), T("", 2), T("全年预算数（A）"), T("全年执行数（B）"), T("分值"), T("执行率（B/A）"), T("得分", w - 7));
                s.Add(T("年度资金总额：", 2), N(Adjusted), N(Executed), N(BudgetWeight), T("95%"), N(BudgetScore, w - 7));
                s.Add(T("其中：本年财政拨款", 2), N(Adjusted), N(Executed), T(""), T(""), T("", w - 7));
                break;
            case Family.H:
                s.Add(T("预算执行情况（万元）（10分）", 2), T("预算数（A）"), T("执行数（B）"), T("执行率（B/A）"), T("得分（10分*执行率）", w - 5));
                s.Add(T("年度财政资金总额", 2), N(Adjusted), N(Executed), T("95%"), N(BudgetScore, w - 5));
                break;
            case Family.H2:
                // The sources laid in columns beside the execution, their figures in one row (no stated budget score).
                s.Add(T("项目资金来源（10分）", 1, 2), T("中央（万元）"), T("省、地（万元）"), T("本级（万元）"), T("合计（万元）"), T("执行数（万元）"), T("执行率", w - 6));
                s.Add(N(200), N(180), N(100), N(Adjusted), N(Executed), T("95%", w - 6));
                break;
            default:
                s.Add(T("项目资金（万元）", 1, 4), T(""), T("年初预算数"), T("全年预算数"), T("全年执行数"), T("分值"), T("执行率"), T("得分", w - 7));
                if (zeroTotalRow)
                {
                    // Exporters that leave the total row at zero while the 其中 row holds the money.
                    s.Add(T("年度资金总额"), N(0), N(0), N(0), N(BudgetWeight), T("95.00%"), N(BudgetScore, w - 7));
                    s.Add(T("其中：当年财政拨款"), N(Initial), N(Adjusted), N(Executed), T("—"), T("95.00%"), T("—", w - 7));
                }
                else
                {
                    s.Add(T("年度资金总额"), N(Initial), N(Adjusted), N(Executed), N(BudgetWeight), T("95.00%"), N(BudgetScore, w - 7));
                    s.Add(T("其中：当年财政拨款"), N(Initial), N(Adjusted), N(Executed), T("—"), T("95.00%"), T("—", w - 7));
                }
                s.Add(T("其他资金"), N(0), N(0), N(0), T("—"), T("—"), T("—", w - 7));
                break;
        }
    }

    private static void AddObjectives(Sheet s, Family family)
    {
        if (family == Family.H) return;
        var w = s.Width;
        if (family == Family.H2)
        {
            s.Add(T("项目年度目标"), T(Objective, w - 1));
            return;
        }
        var left = (w - 1) / 2;
        var (head, done) = family == Family.C ? ("年初设定目标", "年度总体目标完成情况综述") : ("预期目标", "实际完成情况");
        s.Add(T("年度总体目标", 1, 2), T(head, left), T(done, w - 1 - left));
        s.Add(T(Objective, left), T("全年新建机耕道12.5公里，受益农户1250户。", w - 1 - left));
    }

    private static void AddTotal(Sheet s, Family family, int width)
    {
        switch (family)
        {
            case Family.B:
                // 合计 with 100 in the weight column and the score left blank, as the 四川 tables print it.
                s.Add(T("合计", width - 3), N(100), T(""), T(""));
                break;
            case Family.C:
                s.Add(T("总分", 3), N(100), T("", 2), N(Total), T(""));
                break;
            case Family.H:
                s.Add(T("总分", width - 1), N(Total));
                break;
            case Family.H2:
                // No total row: the form states its 自评总分 on the fill line, with the scored evaluation grid's points in it.
                break;
            default:
                s.Add(T("总分", width - 3), N(100), N(Total), T(""));
                break;
        }
    }

    private static void AddBelow(Sheet s, Family family, int width)
    {
        switch (family)
        {
            case Family.B:
                s.Add(T("评价结论"), T("项目完成情况较好。", width - 1));
                s.Add(T("存在问题"), T("个别路段工期滞后。", width - 1));
                s.Add(T("项目负责人：张三", width / 2), T("财务负责人：李四", width - width / 2));
                break;
            case Family.H:
            case Family.H2:
                s.Add(T("偏差大或目标未完成原因分析"), T("雨季施工受阻。", width - 1));
                s.Add(T("备注：1.预算执行情况按执行率计分；2.定量指标按完成比例计分。", width));
                break;
            case Family.A:
                s.Add(T("注：定量指标若为正向指标，则得分计算方法应用全年实际值/年度指标值×该指标分值。", width));
                break;
        }
    }

    /// <summary>Anchors and merges of the sheet on a grid: (row, column) → cell, and the cells a merge covers.</summary>
    private static (Dictionary<(int, int), Cell> Anchors, HashSet<(int, int)> Covered) Place(Sheet s)
    {
        var anchors = new Dictionary<(int, int), Cell>();
        var covered = new HashSet<(int, int)>();
        for (var r = 0; r < s.Rows.Count; r++)
        {
            var c = 0;
            foreach (var cell in s.Rows[r])
            {
                while (covered.Contains((r, c))) c++;
                anchors[(r, c)] = cell;
                for (var dr = 0; dr < cell.Down; dr++)
                    for (var dc = 0; dc < cell.Across; dc++)
                        if (dr > 0 || dc > 0) covered.Add((r + dr, c + dc));
                c += cell.Across;
            }
        }
        return (anchors, covered);
    }

    private static byte[] Xlsx(Sheet s)
    {
        var (anchors, _) = Place(s);
        var rows = new List<S.Row>();
        var merges = new List<string>();
        for (var r = 0; r < s.Rows.Count; r++)
        {
            var cells = new List<S.Cell>();
            foreach (var ((row, col), cell) in anchors.Where(a => a.Key.Item1 == r).OrderBy(a => a.Key.Item2))
            {
                if (cell.Text.Length == 0 && cell.Across == 1 && cell.Down == 1) continue;
                var reference = Ref(row, col);
                cells.Add(cell.Number ? SyntheticOoxml.Number(reference, cell.Text) : SyntheticOoxml.Text(reference, cell.Text));
                if (cell.Across > 1 || cell.Down > 1) merges.Add($"{reference}:{Ref(row + cell.Down - 1, col + cell.Across - 1)}");
            }
            rows.Add(SyntheticOoxml.Row((uint)r + 1, [.. cells]));
        }
        return SyntheticOoxml.Workbook([new SyntheticOoxml.SheetSpec("自评表", rows, merges)]);
    }

    private static string Ref(int row, int col) => $"{(char)('A' + col)}{row + 1}";

    private static string Html(Sheet s)
    {
        var sb = new StringBuilder("<html><head><title>某县农业农村局2024年度项目支出绩效自评结果公开</title></head><body>");
        sb.Append("<div class='nav'><table><tr><td>首页</td><td>政务公开</td></tr></table></div><p>附表1</p><table border='1'>");
        foreach (var row in s.Rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row)
            {
                sb.Append("<td");
                if (cell.Across > 1) sb.Append($" colspan=\"{cell.Across}\"");
                if (cell.Down > 1) sb.Append($" rowspan=\"{cell.Down}\"");
                sb.Append('>').Append(WebUtility.HtmlEncode(cell.Text)).Append("</td>");
            }
            sb.Append("</tr>");
        }
        return sb.Append("</table><p>主办单位：某县农业农村局</p></body></html>").ToString();
    }

    private static string Csv(Sheet s)
    {
        var (anchors, _) = Place(s);
        var sb = new StringBuilder();
        for (var r = 0; r < s.Rows.Count; r++)
        {
            for (var c = 0; c < s.Width; c++)
            {
                if (c > 0) sb.Append(',');
                var text = anchors.TryGetValue((r, c), out var cell) ? cell.Text : "";
                sb.Append(text.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text);
            }
            sb.Append("\r\n");
        }
        return sb.ToString();
    }
}
