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
        (string Name, string Key, string Role, string[] Departments)[] keys =
        [
            ("reader", Reader, "reader", []),
            ("agri-importer", AgriImporter, "importer", [AgriDepartment]),
            ("menyuan-importer", MenyuanImporter, "importer", [MenyuanDepartment]),
            ("operator", Operator, "operator", []),
        ];
        for (var i = 0; i < keys.Length; i++)
        {
            yield return new($"Auth:Keys:{i}:Name", keys[i].Name);
            yield return new($"Auth:Keys:{i}:KeyHash", Auth.ApiKeyRegistry.Hash(keys[i].Key));
            yield return new($"Auth:Keys:{i}:Roles:0", keys[i].Role);
            for (var d = 0; d < keys[i].Departments.Length; d++)
                yield return new($"Auth:Keys:{i}:Departments:{d}", keys[i].Departments[d]);
        }
    }
}
