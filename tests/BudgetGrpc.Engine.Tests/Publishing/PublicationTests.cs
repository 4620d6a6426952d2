using System.Text;
using System.Text.Json;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using BudgetGrpc.Engine.Tests.Samples;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Publishing;

/// <summary>Publication JSON v1 as shared/spec/publication-json-v1.md writes it, and the flat CSV.</summary>
public sealed class PublicationTests
{
    private static JsonElement SeedJson(PublicationMeta? meta = null) =>
        JsonDocument.Parse(PublicationJson.ToUtf8Bytes(SampleGoldTests.ParseSample("000_c21431a6439d21ac.txt"), meta)).RootElement;

    [Fact]
    public void Seed_renders_the_contract_fields_with_decimal_strings_and_nulls()
    {
        var json = SeedJson();
        Assert.Equal("1", json.GetProperty("schemaVersion").GetString());
        Assert.False(json.TryGetProperty("disclosureId", out _));
        Assert.Equal("wide", json.GetProperty("source").GetProperty("layout").GetString());
        Assert.Equal(2024, json.GetProperty("fiscalYear").GetInt32());
        Assert.Equal("347.79", json.GetProperty("declaredTotal").GetString());
        Assert.Equal("347.79", json.GetProperty("computedTotal").GetString());
        var first = json.GetProperty("projects")[0];
        Assert.Equal(("18.00", "180000.00"), (first.GetProperty("amount").GetString(), first.GetProperty("amountYuan").GetString()));
        var funds = first.GetProperty("indicators")[0];
        Assert.Equal((">=", "30", "万元"), (funds.GetProperty("comparator").GetString(), funds.GetProperty("value").GetString(), funds.GetProperty("unit").GetString()));
        Assert.Equal("row 7, column 绩效指标", funds.GetProperty("sourceRef").GetString());
        // 每家企业慰问金额 states no target: comparator "" and value null.
        var noTarget = json.GetProperty("projects")[2].GetProperty("indicators").EnumerateArray()
            .Single(i => i.GetProperty("name").GetString() == "每家企业慰问金额");
        Assert.Equal(("", JsonValueKind.Null), (noTarget.GetProperty("comparator").GetString(), noTarget.GetProperty("value").ValueKind));
    }

    /// <summary>Found by the validator's fuzz: an amount as large as a decimal holds, in 万元, overflowed when converted to 元.</summary>
    [Theory]
    [InlineData("万元")]
    [InlineData("亿元")]
    public void An_amount_too_large_to_convert_to_yuan_publishes_without_amountYuan(string unit)
    {
        var disclosure = new Disclosure
        {
            Source = new SourceInfo("huge.csv", "", "csv", Layout.Long),
            AmountUnit = unit,
            Projects = [new Project { Code = "1", Name = "项目", Amount = decimal.MaxValue, Source = SourceRef.None }],
        };
        var project = JsonDocument.Parse(PublicationJson.ToUtf8Bytes(disclosure)).RootElement.GetProperty("projects")[0];
        Assert.Equal(JsonValueKind.Null, project.GetProperty("amountYuan").ValueKind);
        Assert.Equal(decimal.MaxValue, decimal.Parse(project.GetProperty("amount").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(-1m * 10_000m, (disclosure.Projects[0] with { Amount = -1m }).AmountYuan("万元"));
    }

    [Fact]
    public void Chinese_is_written_as_is_and_server_metadata_is_added_when_given()
    {
        var bytes = PublicationJson.ToUtf8Bytes(SampleGoldTests.ParseSample("yangli-2025-edu-form.html"), new PublicationMeta("d1a2b3", 2));
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("学生营养改善计划补助资金", text);
        Assert.DoesNotContain("\\u", text);
        using var doc = JsonDocument.Parse(bytes);
        Assert.Equal(("d1a2b3", 2), (doc.RootElement.GetProperty("disclosureId").GetString(), doc.RootElement.GetProperty("revision").GetInt32()));
    }

    [Theory]
    [InlineData("100.0", "100")]
    [InlineData("0.580", "0.58")]
    [InlineData("12500000", "12500000")]
    [InlineData("3.375", "3.375")]
    public void Indicator_values_drop_trailing_zeros(string value, string expected) =>
        Assert.Equal(expected, DecimalText.Normalized(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("18", "18.00")]
    [InlineData("18.0000", "18.00")]
    [InlineData("347.79", "347.79")]
    [InlineData("0.2736", "0.2736")]
    [InlineData("12500000", "12500000.00")]
    public void Money_has_at_least_two_decimals_whatever_scale_the_database_returns(string value, string expected) =>
        Assert.Equal(expected, DecimalText.Money(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
}
