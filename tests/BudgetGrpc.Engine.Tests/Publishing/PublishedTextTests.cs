using System.Text;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Publishing;
using Xunit;

namespace BudgetGrpc.Engine.Tests.Publishing;

/// <summary>
/// The published documents byte for byte: the whole publication JSON of a self-evaluation and of a target table, and
/// the whole flat CSV, written out by hand from shared/spec/publication-json-v1.md. A renamed, dropped, reordered or
/// wrongly formatted field fails here, where a test reading a few properties would not notice.
/// </summary>
public sealed class PublishedTextTests
{
    /// <summary>Every field a self-evaluation publishes, with each optional field once present and once absent.</summary>
    private static Disclosure SelfEvaluation() => new()
    {
        Source = new SourceInfo("自评.xlsx", "ab12", "xlsx", Layout.Form),
        Kind = DisclosureKind.SelfEvaluation,
        Title = "测试局2024年项目支出绩效自评表",
        Department = "测试局",
        FiscalYear = 2024,
        AmountUnit = AmountUnits.TenThousandYuan,
        DeclaredTotal = 25.5m,
        Projects =
        [
            new Project
            {
                Code = "1",
                Name = "学生资助",
                Amount = 20m,
                Unit = "第一中学",
                Objectives = ["资助家庭困难学生。", "按时足额发放。"],
                Source = new SourceRef("自评", 5, 2),
                Budget = new BudgetExecution { Initial = 20m, Adjusted = 20.0m, Executed = 19.6m, ExecutionRate = 98.00m, Weight = 10m, Score = 9.8m },
                StatedTotal = new StatedTotal(100m, 93.5m, SourceRef.None),
                ComputedScore = 92.80m,
                Grade = "优",
                Indicators =
                [
                    new Indicator
                    {
                        Level1 = "产出指标", Level2 = "数量指标", Name = "资助人数", Comparator = Comparator.GreaterOrEqual,
                        Value = 9500m, Unit = "人", Text = "资助人数≥9500人", Source = new SourceRef("自评", 8, 4, "年度指标值"),
                        Weight = 15m, Direction = "正向", Actual = new IndicatorActual(9500m, "人", "", "9500人"),
                        Score = 15m, ComputedScore = 15.00m,
                    },
                    new Indicator
                    {
                        Level1 = "效益指标", Level2 = "社会效益指标", Name = "社会影响", Comparator = Comparator.Qualitative,
                        QualitativeValue = "效果明显", Text = "社会影响效果明显", Source = new SourceRef(null, 9, 4),
                        DeviationReason = "未评估，待复核",
                    },
                ],
            },
            new Project { Code = "2", Name = "无预算项目", Source = new SourceRef("自评", 20, 2) },
        ],
        Findings =
        [
            new Finding
            {
                RuleId = "BG501", Severity = Severity.Error, Message = "得分超过权重", MessageEn = "score above its weight",
                ProjectCode = "1", IndicatorIndex = 0, Source = new SourceRef(null, 8, 6, "得分"),
            },
            new Finding { RuleId = "BG102", Severity = Severity.Warning, Message = "合计与项目之和不符", Source = SourceRef.None },
            new Finding { RuleId = "BG900", Severity = Severity.Info, Message = "提示" },
        ],
    };

    private const string SelfEvaluationJson = """
        {
          "schemaVersion": "1",
          "disclosureId": "d-1",
          "revision": 3,
          "source": {
            "fileName": "自评.xlsx",
            "sha256": "ab12",
            "format": "xlsx",
            "layout": "form"
          },
          "kind": "selfEvaluation",
          "title": "测试局2024年项目支出绩效自评表",
          "department": "测试局",
          "fiscalYear": 2024,
          "amountUnit": "万元",
          "declaredTotal": "25.50",
          "computedTotal": "20.00",
          "projects": [
            {
              "code": "1",
              "name": "学生资助",
              "amount": "20.00",
              "amountYuan": "200000.00",
              "unit": "第一中学",
              "objectives": [
                "资助家庭困难学生。",
                "按时足额发放。"
              ],
              "budget": {
                "initial": "20.00",
                "adjusted": "20.00",
                "executed": "19.60",
                "executionRate": "98",
                "weight": "10",
                "score": "9.8"
              },
              "declaredScore": "93.5",
              "computedScore": "92.8",
              "grade": "优",
              "indicators": [
                {
                  "level1": "产出指标",
                  "level2": "数量指标",
                  "name": "资助人数",
                  "comparator": ">=",
                  "value": "9500",
                  "qualitativeValue": "",
                  "unit": "人",
                  "text": "资助人数≥9500人",
                  "sourceRef": "sheet 自评, row 8, column 年度指标值",
                  "weight": "15",
                  "direction": "正向",
                  "actual": {
                    "value": "9500",
                    "unit": "人",
                    "qualitativeValue": "",
                    "text": "9500人"
                  },
                  "score": "15",
                  "computedScore": "15",
                  "deviationReason": ""
                },
                {
                  "level1": "效益指标",
                  "level2": "社会效益指标",
                  "name": "社会影响",
                  "comparator": "qualitative",
                  "value": null,
                  "qualitativeValue": "效果明显",
                  "unit": "",
                  "text": "社会影响效果明显",
                  "sourceRef": "row 9, column 4",
                  "actual": {
                    "value": null,
                    "unit": "",
                    "qualitativeValue": "",
                    "text": ""
                  },
                  "weight": null,
                  "score": null,
                  "computedScore": null,
                  "deviationReason": "未评估，待复核"
                }
              ]
            },
            {
              "code": "2",
              "name": "无预算项目",
              "amount": null,
              "amountYuan": null,
              "objectives": [],
              "budget": null,
              "declaredScore": null,
              "computedScore": null,
              "grade": "",
              "indicators": []
            }
          ],
          "findings": [
            {
              "ruleId": "BG501",
              "severity": "error",
              "projectCode": "1",
              "indicatorIndex": 0,
              "message": "得分超过权重",
              "messageEn": "score above its weight",
              "sourceRef": "row 8, column 得分"
            },
            {
              "ruleId": "BG102",
              "severity": "warning",
              "message": "合计与项目之和不符"
            },
            {
              "ruleId": "BG900",
              "severity": "info",
              "message": "提示"
            }
          ]
        }
        """;

    /// <summary>A target table read offline: no server fields, no year, no 合计, no self-evaluation fields.</summary>
    private static Disclosure TargetTable(DisclosureKind kind, Layout layout) => new()
    {
        Source = new SourceInfo("目标.csv", "", "csv", layout),
        Kind = kind,
        Department = "测试局",
        AmountUnit = AmountUnits.Yuan,
        Projects =
        [
            new Project
            {
                Code = "", Name = "测试局", Amount = 1234.5m, Source = SourceRef.None,
                Indicators =
                [
                    new Indicator
                    {
                        Level1 = "成本指标", Level2 = "经济成本指标", Name = "人均成本", Comparator = Comparator.Less,
                        Value = 0.50m, Unit = "元/人", Text = "人均成本<0.5元/人", Source = new SourceRef(null, 3, 0), Weight = 1.50m,
                    },
                    new Indicator
                    {
                        Level1 = "产出指标", Level2 = "质量指标", Name = "合格率", Comparator = Comparator.Greater,
                        Value = 90m, Unit = "%", Text = "合格率>90%", Source = SourceRef.None,
                    },
                    new Indicator
                    {
                        Level1 = "产出指标", Level2 = "时效指标", Name = "完成时间", Comparator = Comparator.LessOrEqual,
                        Value = 12m, Unit = "月", Text = "完成时间<=12月", Source = SourceRef.None,
                    },
                    new Indicator
                    {
                        Level1 = "产出指标", Level2 = "数量指标", Name = "场次", Comparator = Comparator.Equal,
                        Value = 3m, Text = "场次3", Source = SourceRef.None,
                    },
                    new Indicator { Level1 = "产出指标", Level2 = "数量指标", Name = "户数", Text = "户数", Source = SourceRef.None },
                ],
            },
        ],
    };

    private const string TargetTableJson = """
        {
          "schemaVersion": "1",
          "source": {
            "fileName": "目标.csv",
            "sha256": "",
            "format": "csv",
            "layout": "LAYOUT"
          },
          "kind": "KIND",
          "title": "",
          "department": "测试局",
          "fiscalYear": null,
          "amountUnit": "元",
          "declaredTotal": null,
          "computedTotal": "1234.50",
          "projects": [
            {
              "code": "",
              "name": "测试局",
              "amount": "1234.50",
              "amountYuan": "1234.50",
              "objectives": [],
              "indicators": [
                {
                  "level1": "成本指标",
                  "level2": "经济成本指标",
                  "name": "人均成本",
                  "comparator": "<",
                  "value": "0.5",
                  "qualitativeValue": "",
                  "unit": "元/人",
                  "text": "人均成本<0.5元/人",
                  "sourceRef": "row 3",
                  "weight": "1.5"
                },
                {
                  "level1": "产出指标",
                  "level2": "质量指标",
                  "name": "合格率",
                  "comparator": ">",
                  "value": "90",
                  "qualitativeValue": "",
                  "unit": "%",
                  "text": "合格率>90%",
                  "sourceRef": ""
                },
                {
                  "level1": "产出指标",
                  "level2": "时效指标",
                  "name": "完成时间",
                  "comparator": "<=",
                  "value": "12",
                  "qualitativeValue": "",
                  "unit": "月",
                  "text": "完成时间<=12月",
                  "sourceRef": ""
                },
                {
                  "level1": "产出指标",
                  "level2": "数量指标",
                  "name": "场次",
                  "comparator": "=",
                  "value": "3",
                  "qualitativeValue": "",
                  "unit": "",
                  "text": "场次3",
                  "sourceRef": ""
                },
                {
                  "level1": "产出指标",
                  "level2": "数量指标",
                  "name": "户数",
                  "comparator": "",
                  "value": null,
                  "qualitativeValue": "",
                  "unit": "",
                  "text": "户数",
                  "sourceRef": ""
                }
              ]
            }
          ],
          "findings": []
        }
        """;

    // Utf8JsonWriter ends indented lines with Environment.NewLine; the expected texts above use "\n".
    private static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8).ReplaceLineEndings("\n");

    [Fact]
    public void A_self_evaluation_publishes_exactly_the_documented_json()
    {
        var bytes = PublicationJson.ToUtf8Bytes(SelfEvaluation(), new PublicationMeta("d-1", 3));
        Assert.Equal(SelfEvaluationJson, Text(bytes));
    }

    [Theory]
    [InlineData(DisclosureKind.TargetTable, Layout.Wide, "projectTargets", "wide")]
    [InlineData(DisclosureKind.DepartmentTargets, Layout.Long, "departmentTargets", "long")]
    public void A_target_table_read_offline_publishes_exactly_the_documented_json(DisclosureKind kind, Layout layout, string kindName, string layoutName)
    {
        var expected = TargetTableJson.Replace("KIND", kindName).Replace("LAYOUT", layoutName);
        Assert.Equal(expected, Text(PublicationJson.ToUtf8Bytes(TargetTable(kind, layout))));
    }

    [Fact]
    public void Writing_to_a_stream_gives_the_same_bytes_as_the_byte_array_with_and_without_server_fields()
    {
        foreach (var meta in new[] { null, new PublicationMeta("d-1", 3) })
        {
            using var stream = new MemoryStream();
            PublicationJson.Write(stream, SelfEvaluation(), meta);
            Assert.Equal(PublicationJson.ToUtf8Bytes(SelfEvaluation(), meta), stream.ToArray());
        }
        using var offline = new MemoryStream();
        PublicationJson.Write(offline, SelfEvaluation());
        Assert.DoesNotContain("disclosureId", Encoding.UTF8.GetString(offline.ToArray()));
    }

    [Fact]
    public void A_self_evaluation_csv_has_the_evaluation_columns_and_a_row_per_indicator_or_project()
    {
        var bytes = FlatCsv.ToUtf8Bytes(SelfEvaluation(), new PublicationMeta("d-1", 3));
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var expected =
            "disclosureId,revision,department,fiscalYear,amountUnit,projectCode,projectName,projectAmount,level1,level2," +
            "indicatorName,comparator,value,qualitativeValue,unit,text,sourceRef,budgetAdjusted,budgetExecuted,executionRate," +
            "declaredScore,computedScore,grade,actualValue,actualUnit,actualQualitativeValue,weight,score,indicatorComputedScore," +
            "deviationReason\r\n" +
            "d-1,3,测试局,2024,万元,1,学生资助,20.00,产出指标,数量指标,资助人数,>=,9500,,人,资助人数≥9500人," +
            "\"sheet 自评, row 8, column 年度指标值\",20.00,19.60,98,93.5,92.8,优,9500,人,,15,15,15,\r\n" +
            "d-1,3,测试局,2024,万元,1,学生资助,20.00,效益指标,社会效益指标,社会影响,qualitative,,效果明显,,社会影响效果明显," +
            "\"row 9, column 4\",20.00,19.60,98,93.5,92.8,优,,,,,,,未评估，待复核\r\n" +
            // A project without indicators: one row, every indicator and evaluation cell empty (none left from the row before).
            "d-1,3,测试局,2024,万元,2,无预算项目" + new string(',', 23) + "\r\n";
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    [Fact]
    public void A_self_evaluation_csv_carries_an_actual_stated_in_words()
    {
        var d = SelfEvaluation();
        var project = d.Projects[0];
        var achieved = project.Indicators[1] with
        {
            Source = SourceRef.None,
            Actual = new IndicatorActual(null, "", "已按期完成", "已按期完成"),
        };
        d = d with { Projects = [project with { Indicators = [achieved] }] };
        var bytes = FlatCsv.ToUtf8Bytes(d);
        var row = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n")[1].Split(',');
        Assert.Equal(("", "", "已按期完成"), (row[23], row[24], row[25]));
    }

    [Fact]
    public void A_target_table_csv_quotes_and_neutralises_source_text_but_not_its_own_columns()
    {
        var d = TargetTable(DisclosureKind.TargetTable, Layout.Wide);
        var project = d.Projects[0] with
        {
            Code = "-1",
            Name = "\"优质\"服务,提升",
            Indicators =
            [
                // A negative target is our own number, not a formula: "-5" stays as it is, like the comparator.
                d.Projects[0].Indicators[0] with { Name = "=1+1", Value = -5m, Text = "\t制表" },
                d.Projects[0].Indicators[4] with { Comparator = Comparator.Qualitative, QualitativeValue = "\r回车", Text = "多行\n文本", Unit = "@户" },
            ],
        };
        d = d with { Department = "+测试局", Projects = [project, project with { Code = "2", Name = "", Amount = null, Indicators = [] }] };
        var expected =
            "disclosureId,revision,department,fiscalYear,amountUnit,projectCode,projectName,projectAmount,level1,level2," +
            "indicatorName,comparator,value,qualitativeValue,unit,text,sourceRef\r\n" +
            ",,'+测试局,,元,'-1,\"\"\"优质\"\"服务,提升\",1234.50,成本指标,经济成本指标,'=1+1,<,-5,,元/人,'\t制表,row 3\r\n" +
            ",,'+测试局,,元,'-1,\"\"\"优质\"\"服务,提升\",1234.50,产出指标,数量指标,户数,qualitative,,\"'\r回车\",'@户,\"多行\n文本\",\r\n" +
            ",,'+测试局,,元,2" + new string(',', 11) + "\r\n";
        var bytes = FlatCsv.ToUtf8Bytes(d);
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
    }

    [Theory]
    [InlineData("=A1", "'=A1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("a=b", "a=b")]
    [InlineData("", "")]
    public void Only_a_leading_formula_character_is_neutralised(string cell, string expected) =>
        Assert.Equal(expected, FlatCsv.Neutralise(cell));

    [Theory]
    [InlineData(Severity.Error, "error")]
    [InlineData(Severity.Warning, "warning")]
    [InlineData(Severity.Info, "info")]
    public void Severities_have_their_wire_names(Severity severity, string name) =>
        Assert.Equal(name, PublicationJson.SeverityName(severity));
}
