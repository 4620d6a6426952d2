using System.Text.RegularExpressions;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Validation;
using Xunit;
using static BudgetGrpc.Engine.Tests.Validation.Make;

namespace BudgetGrpc.Engine.Tests.Validation;

public class ValidatorTests
{
    [Fact]
    public void A_complete_consistent_disclosure_has_no_findings()
    {
        Assert.Empty(Run(Disclosure(CleanProject("1"), CleanProject("2", "冻猪肉应急储备", 90.79m))));
    }

    [Fact]
    public void Catalog_ids_are_unique_well_formed_and_documented()
    {
        var ids = RuleCatalog.All.Select(r => r.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
        Assert.All(RuleCatalog.All, r =>
        {
            Assert.Matches(new Regex(@"^BG[1-9]\d{2}$"), r.Id);
            Assert.Matches(new Regex(@"\p{IsCJKUnifiedIdeographs}"), r.TitleZh);
            Assert.False(string.IsNullOrWhiteSpace(r.TitleEn));
            Assert.False(string.IsNullOrWhiteSpace(r.Kind));
            Assert.True(r.Description.Length > 40, $"{r.Id} needs a real description");
        });
    }

    [Fact]
    public void Every_finding_carries_a_Chinese_message_an_English_gloss_and_a_catalog_id()
    {
        var messy = Disclosure(
            CleanProject("1", "2023年项目", 18m).Adding(
                Quantity("项目资金金额", Comparator.GreaterOrEqual, 30, "万元"),
                Quantity("储备金额", Comparator.Equal, 90, ""),
                Cost("宣传推介会议费", Comparator.GreaterOrEqual, 30, "万元")),
            CleanProject("1", "2023年项目").WithIndicators()) with { DeclaredTotal = 1m, Department = "", FiscalYear = 2024 };
        var findings = Run(messy);
        Assert.True(findings.Count >= 8);
        Assert.All(findings, f =>
        {
            Assert.NotNull(RuleCatalog.Find(f.RuleId));
            Assert.Matches(new Regex(@"\p{IsCJKUnifiedIdeographs}"), f.Message);
            Assert.False(string.IsNullOrWhiteSpace(f.MessageEn));
            if (f.ProjectCode is not null) Assert.NotNull(f.Source);
        });
    }

    [Fact]
    public void Every_rule_has_a_test_where_it_fires_and_one_where_it_must_not()
    {
        // Rule tests are named BGnnn_…; a rule needs at least two (fires / stays silent).
        var names = typeof(ValidatorTests).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ValidatorTests).Namespace)
            .SelectMany(t => t.GetMethods())
            .Where(m => m.GetCustomAttributes(typeof(FactAttribute), inherit: true).Length > 0)
            .Select(m => m.Name)
            .ToList();
        var untested = RuleCatalog.All.Where(r => names.Count(n => n.StartsWith(r.Id + "_", StringComparison.Ordinal)) < 2).Select(r => r.Id);
        Assert.True(!untested.Any(), "Rules without a firing and a silent test: " + string.Join(", ", untested));
    }

    [Fact]
    public void Options_change_a_severity_and_switch_a_rule_off()
    {
        var p = CleanProject("6", "电子商务服务中心运行经费").Without("时效指标").Adding(Quality("验收合格率", 292) with { Flags = IndicatorFlags.SuspectedOcrFault });
        var options = new ValidationOptions
        {
            Rules =
            {
                ["BG203"] = new RuleOptions { Severity = Severity.Info },
                ["bg305"] = new RuleOptions { Enabled = false },
            },
        };
        var configured = Run(Disclosure(p), options);
        Assert.Equal(Severity.Info, Assert.Single(configured.Of("BG203")).Severity);
        Assert.Empty(configured.Of("BG305"));
        Assert.DoesNotContain("BG305", new Validator(options).EnabledRuleIds);

        var defaults = Run(Disclosure(p));
        Assert.Equal(Severity.Warning, Assert.Single(defaults.Of("BG203")).Severity);
        Assert.Single(defaults.Of("BG305"));
    }

    [Fact]
    public void Unknown_rule_ids_in_the_options_are_refused_by_name()
    {
        var options = new ValidationOptions { Rules = { ["BG999"] = new RuleOptions(), ["BG101"] = new RuleOptions() } };
        var ex = Assert.Throws<ArgumentException>(() => new Validator(options));
        Assert.Contains("unknown rule id(s): BG999.", ex.Message);
    }

    [Fact]
    public void The_default_validator_runs_every_rule()
    {
        Assert.Equal(RuleCatalog.All.Select(r => r.Id), new Validator().EnabledRuleIds);
    }

    [Fact]
    public void Findings_come_disclosure_first_then_project_by_project()
    {
        var d = Disclosure(
            CleanProject("1", "2023年项目一"),
            CleanProject("2", "2023年项目二").Without("时效指标")) with { Department = "" };
        var order = Run(d).Select(f => (f.RuleId, f.ProjectCode)).ToList();
        Assert.Equal([("BG501", null), ("BG402", "1"), ("BG203", "2"), ("BG402", "2")], order);
    }
}
