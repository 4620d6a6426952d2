using System.Globalization;
using System.Text;

namespace BudgetGrpc.Engine.Tests.Variants;

/// <summary>
/// One axis at a time: each family's baseline (written like its shared sample) with a single axis changed to each of
/// its values. A change the engine misreads names its cause directly, with the smallest example the generator makes.
/// </summary>
internal static class VariantSweep
{
    private const int Seed = 777;

    /// <summary>The baselines: the layouts of the shared samples (seed TSV, yangli agri, edu form, dept).</summary>
    public static readonly IReadOnlyDictionary<VariantFamily, Dictionary<string, string>> Baselines = new Dictionary<VariantFamily, Dictionary<string, string>>
    {
        [VariantFamily.Long] = Common(new()
        {
            ["projects"] = "3", ["amountUnit"] = "元", ["departmentSource"] = "title", ["titleBlock"] = "deptTitle",
            ["label.title"] = "{dept}{year}年部门预算项目绩效目标申报表", ["unitStatement"] = "ownLine", ["label.unitLine"] = "金额单位：{unit}",
            ["titlePlacement"] = "lines", ["codeColumn"] = "off", ["projectCells"] = "merged", ["totalRow"] = "top", ["tables"] = "one",
            ["comparatorColumn"] = "on", ["unitColumn"] = "on", ["label.comparator"] = "指标性质", ["label.unit"] = "度量单位",
            ["targetOrder"] = "cmp-value-unit", ["label.projectName"] = "项目名称", ["label.amount"] = "预算数", ["label.objectives"] = "年度目标",
            ["amountFormat"] = "plain",
        }),
        [VariantFamily.Form] = Common(new()
        {
            ["projects"] = "1", ["amountUnit"] = "万元", ["departmentSource"] = "fillLine", ["formTitles"] = "each", ["titlePlacement"] = "rows",
            ["forms"] = "stacked", ["unitStatement"] = "fillLine", ["formMoney"] = "group", ["formAttributes"] = "on", ["indicatorBlockLabel"] = "column",
            ["label.indicatorBlock"] = "绩效指标", ["label.formProjectName"] = "项目名称", ["label.formDepartment"] = "主管部门",
            ["label.formImplementer"] = "实施单位", ["label.formAttribute"] = "项目属性", ["label.formMoney"] = "项目资金（万元）",
            ["label.formTotal"] = "年度资金总额", ["label.formFiscal"] = "其中：财政拨款", ["label.formOther"] = "其他资金",
            ["label.formObjectives"] = "年度总体目标", ["label.title"] = "项目支出绩效目标表", ["label.yearLine"] = "（{year}年度）",
            ["label.fillUnit"] = "填报单位（盖章）：", ["label.unitLine"] = "单位：{unit}", ["comparatorColumn"] = "off", ["unitColumn"] = "off",
            ["amountFormat"] = "twoDecimals", ["supervisorRow"] = "off",
        }),
        [VariantFamily.Wide] = Common(new()
        {
            ["projects"] = "3", ["amountUnit"] = "万元", ["titleBlock"] = "deptTitle", ["label.title"] = "{dept}{year}年部门预算项目支出绩效目标表",
            ["unitStatement"] = "headerCell", ["titlePlacement"] = "lines", ["totalRow"] = "top", ["wideColumns"] = "one", ["wideText"] = "lines",
            ["itemSeparator"] = "glued", ["qualitativeItem"] = "定性", ["label.projectCode"] = "单位编码", ["label.projectName"] = "单位及项目名称", ["label.amount"] = "金额",
            ["label.objectives"] = "绩效目标", ["label.indicators"] = "绩效指标", ["amountFormat"] = "twoDecimals",
        }),
        [VariantFamily.DepartmentTargets] = Common(new()
        {
            ["amountUnit"] = "万元", ["departmentSource"] = "fillLine", ["deptNameRow"] = "on", ["titlePlacement"] = "lines",
            ["unitStatement"] = "fillLine", ["tasks"] = "on", ["deptMoney"] = "group", ["indicatorBlockLabel"] = "column",
            ["label.indicatorBlock"] = "年度绩效指标", ["label.title"] = "部门整体支出绩效目标表", ["label.yearLine"] = "（{year}年度）",
            ["label.fillUnit"] = "填报单位：", ["label.unitLine"] = "单位：{unit}", ["label.deptName"] = "部门（单位）名称",
            ["label.deptMoney"] = "年度预算申请（万元）", ["label.deptTotal"] = "资金总额", ["label.deptFiscal"] = "财政拨款",
            ["label.deptOther"] = "其他资金", ["label.deptTasks"] = "年度主要任务", ["label.deptTaskHeader"] = "任务名称|主要内容|预算金额（万元）",
            ["label.deptGoals"] = "年度总体目标", ["comparatorColumn"] = "off", ["unitColumn"] = "off", ["amountFormat"] = "twoDecimals",
        }),
        // The shared sample yangli-2025-agri-selfeval.xlsx: the MOF 2020 template (family A), one sheet per project.
        [VariantFamily.SelfEvaluation] = Common(new()
        {
            ["projects"] = "2", ["amountUnit"] = "万元", ["seTitle"] = "titleAndYearLine", ["label.seTitle"] = "项目支出绩效自评表",
            ["label.yearLine"] = "（{year}年度）", ["titlePlacement"] = "rows", ["forms"] = "sheets", ["formTitles"] = "each", ["seScoreLine"] = "off",
            ["label.seBudget"] = "项目资金（{unit}）", ["unitStatement"] = "budgetLabel", ["label.seBudgetHeads"] = "年初预算数|全年预算数|全年执行数|执行率|分值|得分",
            ["seBudgetShape"] = "full", ["seBudgetWeightAt"] = "beforeRate", ["seBudgetRows"] = "totalFiscalOther", ["seRate"] = "percent",
            ["label.seSubMark"] = "—", ["label.seBudgetTotal"] = "年度资金总额", ["label.seBudgetFiscal"] = "其中：当年财政拨款", ["label.seBudgetOther"] = "其他资金",
            ["seIdentity"] = "pair", ["label.seSupervisor"] = "主管部门", ["label.seImplementer"] = "实施单位", ["seProjectCode"] = "off",
            ["label.seObjectives"] = "年度总体目标|预期目标|实际完成情况", ["seTarget"] = "glued", ["seWeightAt"] = "afterActual", ["seReason"] = "column",
            ["seLevelWeights"] = "none", ["seActual"] = "withUnit", ["seEmptyReason"] = "blank", ["label.seTarget"] = "年度指标值",
            ["label.seActual"] = "实际完成值", ["label.seWeight"] = "分值", ["label.seScore"] = "得分", ["label.seReason"] = "偏差原因分析及改进措施",
            ["indicatorBlockLabel"] = "column", ["seTotalRow"] = "total", ["label.seTotal"] = "总分", ["seGrade"] = "off", ["seFooter"] = "none",
            ["amountFormat"] = "twoDecimals", ["seExtra"] = "none", ["seNamePrefix"] = "none", ["seEmptyRows"] = "none", ["seOddSigns"] = "off",
            ["seDepartmentForm"] = "plain", ["seBlankInitial"] = "off", ["seAbove"] = "none", ["seObjectives"] = "shown",
        }),
    };

    /// <summary>What every baseline shares: plain one-row headers with the usual words, glued targets, no extras, no footer.</summary>
    private static Dictionary<string, string> Common(Dictionary<string, string> family)
    {
        var common = new Dictionary<string, string>
        {
            ["labelSpacing"] = "none", ["firstLevel"] = "column", ["valueColumns"] = "single", ["nameSpan"] = "1", ["group"] = "none",
            ["label.level1"] = "一级指标", ["label.level2"] = "二级指标", ["label.level3"] = "三级指标", ["label.value"] = "指标值",
            ["extra.direction"] = "off", ["extra.weight"] = "off", ["extra.valueType"] = "off", ["extra.explanation"] = "off",
            ["extra.scoring"] = "off", ["extra.remark"] = "off", ["levelCells"] = "merged", ["levelNames"] = "canonical", ["levelPath"] = "off", ["describedNames"] = "off",
            ["signs"] = "symbols", ["equal"] = "sign", ["words"] = "none", ["percentSpelling"] = "%", ["footer"] = "none",
            ["script.traditional"] = "off",
            ["amountNote"] = "off", ["objectiveNumbering"] = "1.", ["objectiveJoin"] = "none",
            ["unitInName"] = "off", ["unitBrackets"] = "ascii", ["unitNote"] = "unit", ["namePrefix"] = "none", ["emptyLevel2Rows"] = "off", ["comparatorCells"] = "signs",
            ["emptyUnit"] = "blank", ["verticalLabels"] = "plain", ["objectivesUnderOverall"] = "off", ["departmentRow"] = "off",
            ["amountNoteForm"] = "carryOver", ["targetOrder"] = "cmp-value-unit",
            ["dateCells"] = "off", ["wideMarkup"] = "plain", ["otherTable"] = "none", ["pageBreak"] = "none", ["shortWan"] = "off", ["spacedTargets"] = "off",
            ["formOverview"] = "off", ["longTermObjectives"] = "off", ["moneyRows"] = "standard", ["selfEvalReportTitle"] = "off",
        };
        foreach (var (k, v) in family) common[k] = v;
        return common;
    }

    public sealed record Probe(VariantFamily Family, string Axis, string Value, VariantOutcome Outcome);

    /// <summary>The baseline of each family, then each (axis, value) seen in <paramref name="seen"/> applied to it alone.</summary>
    public static List<Probe> Run(IEnumerable<Variant> seen)
    {
        var variants = seen.ToList();
        var work = new List<(VariantFamily Family, string Axis, string Value, Dictionary<string, string> Overrides, VariantContainer Container)>();
        foreach (var family in VariantRun.Families)
        {
            work.Add((family, "baseline", "", new Dictionary<string, string>(Baselines[family]), VariantContainer.Xlsx));
            var values = variants.Where(v => v.Family == family)
                .SelectMany(v => v.Axes.Chosen)
                .Where(kv => kv.Key is not ("family" or "canonical"))
                .Distinct()
                .OrderBy(kv => kv.Key, StringComparer.Ordinal).ThenBy(kv => kv.Value, StringComparer.Ordinal);
            foreach (var kv in values)
            {
                if (kv.Key == "container")
                {
                    if (kv.Value != "Xlsx")
                        work.Add((family, kv.Key, kv.Value, new Dictionary<string, string>(Baselines[family]), Enum.Parse<VariantContainer>(kv.Value)));
                    continue;
                }
                if (Baselines[family].GetValueOrDefault(kv.Key) == kv.Value) continue;
                if (Resolve(family, kv.Key, kv.Value, variants) is { } overrides)
                    work.Add((family, kv.Key, kv.Value, overrides, VariantContainer.Xlsx));
            }
        }
        return work.AsParallel().AsOrdered().WithDegreeOfParallelism(2)
            .Select(w => new Probe(w.Family, w.Axis, w.Value, VariantRun.RunOne(w.Family, Seed, w.Container, w.Overrides)))
            .ToList();
    }

    /// <summary>
    /// The baseline with axis = value; where the value only exists under another choice (a word of the split value
    /// header needs split value columns), that choice is taken over from a generated variant that has the value.
    /// </summary>
    private static Dictionary<string, string>? Resolve(VariantFamily family, string axis, string value, IReadOnlyList<Variant> seen)
    {
        bool Applies(Dictionary<string, string> o) => VariantRenderer.Generate(family, Seed, VariantContainer.Xlsx, o).Axes.Get(axis) == value;
        var overrides = new Dictionary<string, string>(Baselines[family]) { [axis] = value };
        if (Applies(overrides)) return overrides;
        foreach (var donor in seen.Where(v => v.Family == family && v.Axes.Get(axis) == value).Take(3))
        {
            var differing = donor.Axes.Chosen
                .Where(kv => kv.Key is not ("family" or "container" or "canonical") && kv.Key != axis && Baselines[family].GetValueOrDefault(kv.Key) != kv.Value)
                .ToList();
            foreach (var kv in differing)
            {
                var one = new Dictionary<string, string>(overrides) { [kv.Key] = kv.Value };
                if (Applies(one)) return one;
            }
            var all = new Dictionary<string, string>(overrides);
            foreach (var kv in differing) all[kv.Key] = kv.Value;
            if (Applies(all)) return all;
        }
        return null;
    }

    /// <summary>
    /// The smallest set of a failing variant's axis values (against its family's baseline) that still fails: each value
    /// is put back to the baseline in turn and stays there when the failure remains. Null when the baseline with all of
    /// the variant's values reads well (the failure came from a per-cell draw).
    /// </summary>
    public static (List<KeyValuePair<string, string>> Values, VariantOutcome Outcome)? Minimize(Variant failing, Func<VariantOutcome, bool>? fails = null)
    {
        fails ??= o => !o.Perfect;
        var family = failing.Family;
        var baseline = Baselines[family];
        var fixedPart = failing.Axes.Chosen.Where(kv => kv.Key is "canonical" or "projects").ToList();
        var values = failing.Axes.Chosen
            .Where(kv => kv.Key is not ("family" or "canonical" or "projects"))
            .Where(kv => kv.Key == "container" ? kv.Value != "Xlsx" : baseline.GetValueOrDefault(kv.Key) != kv.Value)
            .ToList();
        VariantOutcome Run(List<KeyValuePair<string, string>> set)
        {
            var overrides = new Dictionary<string, string>(baseline);
            foreach (var kv in fixedPart.Concat(set).Where(kv => kv.Key != "container")) overrides[kv.Key] = kv.Value;
            var container = set.FirstOrDefault(kv => kv.Key == "container").Value is { } c ? Enum.Parse<VariantContainer>(c) : VariantContainer.Xlsx;
            return VariantRun.RunOne(family, failing.Seed, container, overrides);
        }
        var outcome = Run(values);
        if (!fails(outcome)) return null;
        for (var i = values.Count - 1; i >= 0; i--)
        {
            var without = values.Where((_, k) => k != i).ToList();
            var trial = Run(without);
            if (!fails(trial)) continue;
            values = without;
            outcome = trial;
        }
        return (values, outcome);
    }

    /// <summary>Axes besides the probed one whose value differs from the baseline (a consequence of the probed choice).</summary>
    public static IEnumerable<string> AlsoChanged(Probe p) =>
        p.Outcome.Variant.Axes.Chosen
            .Where(kv => kv.Key != p.Axis && Baselines[p.Family].TryGetValue(kv.Key, out var b) && b != kv.Value)
            .Select(kv => $"{kv.Key}={kv.Value}");

    /// <summary>The failing probes as notes: per family, each axis value that breaks the baseline, with its grid.</summary>
    public static string Notes(IReadOnlyList<Probe> probes)
    {
        var text = new StringBuilder();
        foreach (var family in VariantRun.Families)
        {
            var mine = probes.Where(p => p.Family == family).ToList();
            var failing = mine.Where(p => !p.Outcome.Perfect).ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"## {VariantRenderer.FamilyName(family)}: {failing.Count} of {mine.Count} single-axis probes imperfect");
            text.AppendLine();
            foreach (var p in failing)
            {
                var o = p.Outcome;
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"### {p.Axis} = {p.Value.Replace("\n", "⏎")} — strictF1 {o.Score.StrictF1:0.000}, document {o.Score.DocumentOk}/{o.Score.DocumentFields} ({o.Variant.Id}, {o.Variant.Container})");
                var also = AlsoChanged(p).ToList();
                if (also.Count > 0) text.AppendLine("(with " + string.Join(", ", also) + ")");
                text.AppendLine();
                text.AppendLine("```");
                if (o.Error is not null) text.AppendLine("error: " + o.Error.Split('\n')[0]);
                foreach (var note in o.Score.Notes.Take(6)) text.AppendLine(note);
                text.AppendLine("--");
                text.Append(string.Join("\n", o.Variant.Document.Dump().Split('\n').Take(18)));
                text.AppendLine();
                text.AppendLine("```");
                text.AppendLine();
            }
        }
        return text.ToString();
    }
}
