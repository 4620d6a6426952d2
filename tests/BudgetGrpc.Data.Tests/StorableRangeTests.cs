using BudgetGrpc.Data.Tests.Infrastructure;
using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Data.Tests;

/// <summary>
/// <see cref="StorableRange"/>: a number past decimal(18,4) is refused with its place before the write; the limit itself
/// and its negative are stored.
/// </summary>
public sealed class StorableRangeTests
{
    private const decimal Limit = StorableRange.Limit;

    private static Disclosure WithProject(Disclosure d, int index, Func<Project, Project> change) => d with
    {
        Projects = [.. d.Projects.Take(index), change(d.Projects[index]), .. d.Projects.Skip(index + 1)],
    };

    private static Disclosure WithIndicator(Disclosure d, int index, Func<Indicator, Indicator> change) => WithProject(d, 1, p => p with
    {
        Indicators = [.. p.Indicators.Take(index), change(p.Indicators[index]), .. p.Indicators.Skip(index + 1)],
    });

    /// <summary>Amounts in yuan, so that the amount and its value in yuan are the same number.</summary>
    private static Disclosure InYuan() => TestDisclosures.Make() with { AmountUnit = AmountUnits.Yuan, DeclaredTotal = null };

    [Fact]
    public void A_disclosure_of_ordinary_numbers_fits() => Assert.Null(StorableRange.FirstOutOfRange(TestDisclosures.Make()));

    [Fact]
    public void The_limit_and_its_negative_fit()
    {
        var d = WithProject(InYuan(), 0, p => p with { Amount = Limit - 90.79m });
        d = WithIndicator(d, 1, i => i with { Value = -Limit, Weight = Limit });
        Assert.Equal(Limit, d.ComputedTotal);
        Assert.Null(StorableRange.FirstOutOfRange(d));
        Assert.Null(StorableRange.FirstOutOfRange(d with { DeclaredTotal = -Limit }));
    }

    [Fact]
    public void A_declared_total_past_the_limit_is_named()
    {
        var d = TestDisclosures.Make() with { DeclaredTotal = Limit + 0.0001m };
        Assert.Equal("the declared total 100000000000000.0000", StorableRange.FirstOutOfRange(d));
        Assert.Equal("the declared total -100000000000000.0000", StorableRange.FirstOutOfRange(d with { DeclaredTotal = -Limit - 0.0001m }));
    }

    [Fact]
    public void A_project_amount_that_fits_in_its_unit_but_not_in_yuan_is_named()
    {
        // 100 billion 万元 is 10^15 yuan: the amount column holds the first, the yuan column not the second.
        var d = WithProject(TestDisclosures.Make(), 1, p => p with { Amount = 100_000_000_000m });
        Assert.Equal("the amount 100000000000 of project 2 冻猪肉应急储备", StorableRange.FirstOutOfRange(d with { DeclaredTotal = null }));
    }

    [Fact]
    public void A_project_amount_past_the_limit_is_named()
    {
        var d = WithProject(InYuan(), 1, p => p with { Amount = -Limit - 1m });
        Assert.Equal("the amount -100000000000000.9999 of project 2 冻猪肉应急储备", StorableRange.FirstOutOfRange(d));
    }

    [Fact]
    public void An_indicator_value_or_weight_past_the_limit_is_named_with_its_place()
    {
        var value = WithIndicator(InYuan(), 1, i => i with { Value = 123_456_789_012_345m });
        Assert.Equal("the value 123456789012345 of indicator 群众满意度 (project 2, row 8, column 绩效指标)", StorableRange.FirstOutOfRange(value));
        var weight = WithIndicator(InYuan(), 1, i => i with { Weight = Limit + 1m });
        Assert.Equal("the value 85 of indicator 群众满意度 (project 2, row 8, column 绩效指标)", StorableRange.FirstOutOfRange(weight));
    }

    [Fact]
    public void Amounts_that_fit_alone_but_not_summed_are_named_as_the_sum()
    {
        var d = WithProject(InYuan(), 0, p => p with { Amount = Limit });
        Assert.Equal($"the sum of the project amounts {Limit + 90.79m}", StorableRange.FirstOutOfRange(d));
    }
}
