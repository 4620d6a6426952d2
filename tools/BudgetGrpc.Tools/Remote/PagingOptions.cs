using System.CommandLine;

namespace BudgetGrpc.Tools.Remote;

/// <summary>`--page-size`, `--page-token` and `--all` of the listing commands.</summary>
internal sealed class PagingOptions
{
    private readonly Option<int> _pageSize = new("--page-size") { Description = "Results per page (the server caps it; 0 = its default)" };
    private readonly Option<string?> _pageToken = new("--page-token") { Description = "Continue from a page token an earlier call printed" };
    private readonly Option<bool> _all = new("--all") { Description = "Follow next_page_token until every page is read" };

    public void AddTo(Command command)
    {
        command.Options.Add(_pageSize);
        command.Options.Add(_pageToken);
        command.Options.Add(_all);
    }

    public int PageSize(ParseResult parse) => parse.GetValue(_pageSize) is var size and >= 0
        ? size
        : throw new CliInputException("--page-size must be 0 or more");
    public string PageToken(ParseResult parse) => parse.GetValue(_pageToken) ?? "";
    public bool All(ParseResult parse) => parse.GetValue(_all);
}
