namespace BudgetGrpc.Tools.Remote;

/// <summary>Follows next_page_token: one page, or with --all every page until the server says there is no more.</summary>
internal static class Paging
{
    public sealed record Page<T>(IReadOnlyList<T> Items, string NextPageToken);

    /// <summary>Collects the items into <paramref name="items"/> and returns the token of the page after them ("" at the end).</summary>
    public static async Task<string> CollectAsync<T>(Func<string, Task<Page<T>>> fetch, string pageToken, bool all,
        List<T> items, CancellationToken cancellationToken)
    {
        var token = pageToken;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await fetch(token);
            items.AddRange(page.Items);
            // A token that does not move would loop forever; stop and hand it back rather than trust it.
            if (!all || page.NextPageToken.Length == 0 || page.NextPageToken == token) return page.NextPageToken;
            token = page.NextPageToken;
        }
    }

    public static void WriteMoreHint(CliConsole console, string nextPageToken)
    {
        if (nextPageToken.Length > 0)
            console.Error.WriteLine($"more results: --page-token {nextPageToken} for the next page, or --all");
    }
}
