using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Validation.Rules;

/// <summary>BG201: every project needs 产出, 效益 and 满意度 indicators.</summary>
internal sealed class MissingFirstLevel : Rule
{
    private static readonly string[] Required = [Levels.Output, Levels.Benefit, Levels.Satisfaction];

    public override RuleDescriptor Descriptor { get; } = new("BG201", Severity.Warning, "missing-category",
        "缺少一级指标", "A first-level category is missing",
        "Fires once per missing first level when a project has indicators but none under 产出指标, 效益指标 or " +
        "满意度指标. A project with no indicator at all is BG204's. 成本指标 as its own first level (财预〔2021〕101号) " +
        "is optional and does not replace 产出.");

    public override void CheckProject(Disclosure disclosure, Project project, FindingSink sink)
    {
        if (project.Indicators.Count == 0) return;
        foreach (var level1 in Required)
        {
            var found = false;
            foreach (var indicator in project.Indicators)
                if (indicator.Level1 == level1) { found = true; break; }
            if (!found)
                sink.Report($"项目“{project.Name}”缺少{level1}", $"Project “{project.Name}” has no {level1} (first-level indicator)", project);
        }
    }
}

/// <summary>BG202: a heading the table declares must have at least one indicator under it.</summary>
internal sealed class EmptyHeading : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG202", Severity.Warning, "missing-category",
        "指标类别下无具体指标", "A declared heading has no indicator under it",
        "Fires for each level-1 or level-2 heading the source declares (Project.Headings) under which no indicator was " +
        "read, e.g. （二）可持续影响指标： followed directly by 三、满意度指标. A level-2 heading is matched on its " +
        "second-level name, a bare level-1 heading on its first-level name. Each heading is reported once.");

    public override void CheckProject(Disclosure disclosure, Project project, FindingSink sink)
    {
        var headings = project.Headings;
        for (var h = 0; h < headings.Count; h++)
        {
            var heading = headings[h];
            if (IsRepeat(headings, h) || HasIndicator(project, heading)) continue;
            var label = heading.Level2.Length > 0 ? heading.Level2 : heading.Level1;
            sink.Report($"项目“{project.Name}”的“{label}”下没有具体指标",
                $"Project “{project.Name}” declares the heading {label} but has no indicator under it",
                project, null, heading.Source);
        }
    }

    private static bool HasIndicator(Project project, IndicatorHeading heading)
    {
        foreach (var indicator in project.Indicators)
        {
            if (heading.Level2.Length > 0 ? indicator.Level2 == heading.Level2 : indicator.Level1 == heading.Level1)
                return true;
        }
        return false;
    }

    private static bool IsRepeat(IReadOnlyList<IndicatorHeading> headings, int index)
    {
        for (var i = 0; i < index; i++)
            if (headings[i].Level1 == headings[index].Level1 && headings[i].Level2 == headings[index].Level2) return true;
        return false;
    }
}

/// <summary>BG203: 产出 should cover its standard second levels.</summary>
internal sealed class MissingStandardSecondLevel : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG203", Severity.Warning, "missing-category",
        "产出指标缺少标准二级指标", "A standard second level of 产出 is missing",
        "The standard second levels are those of 产出指标: 数量指标, 质量指标, 时效指标 and 成本指标 in the classic scheme; " +
        "where the project has cost elsewhere (成本指标 as a first level, or 经济成本指标 etc. filed anywhere) 产出 needs only " +
        "数量, 质量 and 时效. Fires once per missing one, for projects that have 产出 indicators (BG201 covers the rest). " +
        "A level declared as a heading but left empty is BG202's, not this rule's. The second levels of 效益 are chosen " +
        "per project (经济/社会/生态/可持续) and of 满意度 there is only one, so neither is checked.");

    private static readonly string[] Always = [Levels.Quantity, Levels.Quality, Levels.Timeliness];

    public override void CheckProject(Disclosure disclosure, Project project, FindingSink sink)
    {
        var hasOutput = false;
        var hasCost = false;
        foreach (var indicator in project.Indicators)
        {
            hasOutput |= indicator.Level1 == Levels.Output;
            hasCost |= Levels.IsCost(indicator);
        }
        if (!hasOutput) return;
        foreach (var heading in project.Headings)
            hasCost |= heading.Level1 == Levels.Cost || Levels.IsCostLevel2(heading.Level2);

        foreach (var level2 in Always)
            if (!IsPresent(project, level2)) Report(project, level2, sink);
        if (!hasCost) Report(project, Levels.Cost, sink);
    }

    private static bool IsPresent(Project project, string level2)
    {
        foreach (var indicator in project.Indicators)
            if (indicator.Level2 == level2) return true;
        foreach (var heading in project.Headings)
            if (heading.Level2 == level2) return true;
        return false;
    }

    private static void Report(Project project, string level2, FindingSink sink) =>
        sink.Report($"项目“{project.Name}”的产出指标缺少{level2}",
            $"The output indicators of project “{project.Name}” have no {level2}", project);
}

/// <summary>BG204: a project without indicators has no targets to publish.</summary>
internal sealed class NoIndicators : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG204", Severity.Error, "no-indicators",
        "项目没有绩效指标", "Project has no indicators",
        "Fires when a project has no indicator at all: a target table without targets cannot be published.");

    public override void CheckProject(Disclosure disclosure, Project project, FindingSink sink)
    {
        if (project.Indicators.Count == 0)
            sink.Report($"项目“{project.Name}”没有绩效指标", $"Project “{project.Name}” has no performance indicators", project);
    }
}

/// <summary>BG205: a project should state its objectives.</summary>
internal sealed class NoObjectives : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG205", Severity.Warning, "missing-objectives",
        "项目没有绩效目标", "Project has no objectives",
        "Fires when a project states no objective (年度目标 / 绩效目标 empty or blank).");

    public override void CheckProject(Disclosure disclosure, Project project, FindingSink sink)
    {
        foreach (var objective in project.Objectives)
            if (!string.IsNullOrWhiteSpace(objective)) return;
        sink.Report($"项目“{project.Name}”未填写绩效目标", $"Project “{project.Name}” states no objectives", project);
    }
}

/// <summary>BG206: the same indicator written twice in one project.</summary>
internal sealed class DuplicateIndicator : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG206", Severity.Info, "duplicate-indicator",
        "同一项目内指标重复", "The same indicator appears twice in a project",
        "Fires on the later of two indicators of one project that have the same target (value and unit, or the same " +
        "qualitative value) and the same name or one name containing the other (at least 3 characters), e.g. " +
        "慰问企业≥3家 and 慰问企业户数≥3家. Same name with different targets (物业管理费≥12次 / 物业管理费1万元) passes.");

    public override void CheckIndicator(Disclosure disclosure, Project project, int index, Indicator indicator, FindingSink sink)
    {
        for (var i = 0; i < index; i++)
        {
            var earlier = project.Indicators[i];
            if (!SameTarget(earlier, indicator) || !SimilarNames(earlier.Name, indicator.Name)) continue;
            sink.Report(project, index, indicator,
                $"项目“{project.Name}”的指标“{indicator.Name}”{Amounts.Target(indicator)}与“{earlier.Name}”{Amounts.Target(earlier)}重复",
                $"Indicator “{indicator.Name}” ({Amounts.Target(indicator)}) of project “{project.Name}” repeats “{earlier.Name}” ({Amounts.Target(earlier)})");
            return;
        }
    }

    private static bool SameTarget(Indicator a, Indicator b)
    {
        if (a.Value is { } va)
            return b.Value == va && a.Unit == b.Unit;
        return b.Value is null && a.QualitativeValue.Length > 0 && a.QualitativeValue == b.QualitativeValue;
    }

    private static bool SimilarNames(string a, string b)
    {
        if (a == b) return a.Length > 0;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= 3 && longer.Contains(shorter, StringComparison.Ordinal);
    }
}

/// <summary>BG207: a row inside a recognised table that the layout could not read.</summary>
internal sealed class UnreadRowLeftOut : Rule
{
    public override RuleDescriptor Descriptor { get; } = new("BG207", Severity.Warning, "row-not-read",
        "表格中有未能识别的行", "A table row could not be read",
        "Fires once per row inside a recognised indicator table that holds text but could not be read as an indicator, " +
        "a heading or a note (for example a value with no indicator name, or cells in columns the header does not name). " +
        "The rest of the table is kept; the finding names the row so that a reviewer can check what was left out.");

    public override void CheckDisclosure(Disclosure disclosure, FindingSink sink)
    {
        foreach (var row in disclosure.UnreadRows)
        {
            var project = row.ProjectCode is null ? null : disclosure.Projects.FirstOrDefault(p => p.Code == row.ProjectCode);
            var (zh, en) = row.Reason switch
            {
                UnreadRowReason.NoIndicatorName => ("有指标值而无指标名称", "a value without an indicator name"),
                UnreadRowReason.NoProject => ("指标行之前没有项目", "indicator cells before any project"),
                _ => ("文字不在表头所列的列中", "text only in columns the header does not name"),
            };
            sink.Report($"表格中未能识别的行（{zh}）：{Short(row.Text)}", $"Table row not read ({en}): {Short(row.Text)}", project, null, row.Source);
        }
    }

    private static string Short(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
