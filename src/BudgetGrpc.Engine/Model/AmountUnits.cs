namespace BudgetGrpc.Engine.Model;

public static class AmountUnits
{
    public const string TenThousandYuan = "万元";
    public const string Yuan = "元";

    public static decimal ToYuanFactor(string unit) => unit switch
    {
        TenThousandYuan => 10_000m,
        "亿元" => 100_000_000m,
        "千元" => 1_000m,
        _ => 1m,
    };
}
