using BudgetGrpc.Worker.Tests.Infrastructure;

namespace BudgetGrpc.Server.Tests.Infrastructure;

/// <summary>The API keys every test server is configured with (as hashes, like a real deployment).</summary>
public static class TestKeys
{
    public const string Reader = "test-reader-key";
    /// <summary>Importer for 样例县农业农村局 only.</summary>
    public const string AgriImporter = "test-agri-importer-key";
    /// <summary>Importer for 门源县工业商务和信息化局 only.</summary>
    public const string MenyuanImporter = "test-menyuan-importer-key";
    public const string Operator = "test-operator-key";

    public const string AgriDepartment = "样例县农业农村局";
    public const string MenyuanDepartment = "门源县工业商务和信息化局";

    public static IEnumerable<KeyValuePair<string, string?>> Configuration()
    {
        var settings = new Dictionary<string, string?>();
        LoopbackHost.AddKey(settings, 0, "reader", Reader, "reader");
        LoopbackHost.AddKey(settings, 1, "agri-importer", AgriImporter, "importer", [AgriDepartment]);
        LoopbackHost.AddKey(settings, 2, "menyuan-importer", MenyuanImporter, "importer", [MenyuanDepartment]);
        LoopbackHost.AddKey(settings, 3, "operator", Operator, "operator");
        return settings;
    }
}
