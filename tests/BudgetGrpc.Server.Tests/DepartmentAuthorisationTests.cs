using BudgetGrpc.Server.Auth;
using Microsoft.Extensions.Options;
using Xunit;

namespace BudgetGrpc.Server.Tests;

/// <summary>
/// Which departments an importer key may import for, asked the way the store asks it (<see cref="CallerExtensions.MayImport"/>)
/// of the principal the registry builds from configuration: the exact name only (surrounding blanks aside), not another
/// case, not a prefix, not a longer name that starts the same; "*" and the operator role for all.
/// </summary>
public sealed class DepartmentAuthorisationTests
{
    private static System.Security.Claims.ClaimsPrincipal Principal(string role, params string[] departments)
    {
        var registry = new ApiKeyRegistry(Options.Create(new AuthOptions
        {
            Keys = [new ApiKeyEntry { Name = "k", KeyHash = ApiKeyRegistry.Hash("key"), Roles = [role], Departments = [.. departments] }],
        }));
        return registry.Find("key")!;
    }

    [Theory]
    [InlineData("样例县农业农村局", true)]
    [InlineData(" 样例县农业农村局 ", true)]
    [InlineData("样例县农业", false)]                  // a prefix of the granted name
    [InlineData("样例县农业农村局畜牧站", false)]      // a longer name that starts with it
    [InlineData("县农业农村局", false)]                // a suffix
    [InlineData("样例县教育局", false)]
    [InlineData("", false)]
    public void An_importer_may_import_for_its_department_by_its_exact_name(string department, bool allowed) =>
        Assert.Equal(allowed, Principal(Roles.Importer, "样例县农业农村局").MayImport(department));

    [Theory]
    [InlineData("Yangli County Agriculture Bureau", true)]
    [InlineData("yangli county agriculture bureau", false)]  // another case is another department
    [InlineData("YANGLI COUNTY AGRICULTURE BUREAU", false)]
    [InlineData("Yangli County", false)]
    [InlineData("Yangli County Agriculture Bureau East", false)]
    public void Latin_names_match_case_sensitively_and_whole(string department, bool allowed) =>
        Assert.Equal(allowed, Principal(Roles.Importer, "Yangli County Agriculture Bureau").MayImport(department));

    [Fact]
    public void A_key_with_several_departments_may_import_for_each_and_no_other()
    {
        var caller = Principal(Roles.Importer, "样例县农业农村局", "门源县工业商务和信息化局");
        Assert.True(caller.MayImport("样例县农业农村局"));
        Assert.True(caller.MayImport("门源县工业商务和信息化局"));
        Assert.False(caller.MayImport("样例县教育局"));
    }

    [Fact]
    public void A_star_or_the_operator_role_may_import_for_any_department_and_a_reader_for_none()
    {
        Assert.True(Principal(Roles.Importer, "*").MayImport("样例县教育局"));
        Assert.True(Principal(Roles.Operator).MayImport("样例县教育局"));
        Assert.False(Principal(Roles.Reader, "样例县教育局").MayImport("样例县教育局"));
        // "*" is a grant only as the whole entry, not as a pattern inside a name.
        Assert.False(Principal(Roles.Importer, "样例县*").MayImport("样例县教育局"));
    }
}
