using System.Text;
using BudgetGrpc.Engine.Model;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// Reads Markdown pipe tables with Markdig: every table is a grid, header row first, each row keeping its
/// source line; headings and paragraphs since the previous table form the preamble. Inline HTML stays raw.
/// </summary>
internal static class MarkdownTableReader
{
    private const int MaxPreambleLines = 20;

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    public static ContainerContent Read(string text, ReadContext context)
    {
        var document = Markdown.Parse(text, Pipeline);
        var grids = new List<CellGrid>();
        var preamble = new List<string>();
        Walk(document, grids, preamble, context);
        if (grids.Count == 0)
            throw context.Fail(DisclosureErrorCode.NoTable, "no table found in the Markdown text: it has no pipe table");
        return new ContainerContent("md", grids);
    }

    private static void Walk(ContainerBlock container, List<CellGrid> grids, List<string> preamble, ReadContext context, int depth = 0)
    {
        if (depth > HtmlText.MaxDepth) return; // deeply nested quotes and lists: see HtmlText.MaxDepth
        foreach (var block in container)
        {
            switch (block)
            {
                case Table table:
                    grids.Add(ReadTable(table, $"table {grids.Count + 1}", [.. preamble], context));
                    preamble.Clear();
                    break;
                case LeafBlock { Inline: { } inline } and (HeadingBlock or ParagraphBlock):
                    var line = InlineText(inline).Trim();
                    if (line.Length == 0) break;
                    if (preamble.Count == MaxPreambleLines) preamble.RemoveAt(0);
                    preamble.Add(context.Cut(line));
                    break;
                case ContainerBlock inner and not Table:
                    Walk(inner, grids, preamble, context, depth + 1);
                    break;
            }
        }
    }

    private static CellGrid ReadTable(Table table, string name, List<string> preamble, ReadContext context)
    {
        var rows = new List<string[]>();
        var sourceRows = new List<int>();
        foreach (var block in table)
        {
            if (block is not TableRow row) continue;
            context.TakeCells(row.Count, name, row.Line + 1);
            var cells = new string[row.Count];
            for (var i = 0; i < row.Count; i++) cells[i] = context.Cut(CellText((TableCell)row[i]));
            rows.Add(cells);
            sourceRows.Add(row.Line + 1);
        }
        return new CellGrid(name, rows.ToArray(), sourceRows, null, preamble);
    }

    private static string CellText(TableCell cell)
    {
        var builder = new StringBuilder();
        foreach (var block in cell)
            if (block is LeafBlock { Inline: { } inline })
            {
                if (builder.Length > 0) builder.Append('\n');
                AppendInline(inline, builder);
            }
        return builder.ToString().Trim();
    }

    private static string InlineText(ContainerInline inline)
    {
        var builder = new StringBuilder();
        AppendInline(inline, builder);
        return builder.ToString();
    }

    private static void AppendInline(Inline inline, StringBuilder builder, int depth = 0)
    {
        if (depth > HtmlText.MaxDepth) return;
        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case HtmlInline html:
                builder.Append(html.Tag);
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case LineBreakInline lineBreak:
                builder.Append(lineBreak.IsHard ? '\n' : ' ');
                break;
            case ContainerInline container:
                for (var child = container.FirstChild; child is not null; child = child.NextSibling)
                    AppendInline(child, builder, depth + 1);
                break;
        }
    }
}
