namespace BudgetGrpc.Engine.Reading;

/// <summary>What a container reader found: the format it read and every table in document order.</summary>
/// <param name="Format">tsv, csv, xlsx, xls, docx, doc, wps, rtf, wordml, pdf, html or md.</param>
/// <param name="Grids">Every table (or sheet) in document order; never null, may be empty.</param>
public sealed record ContainerContent(string Format, IReadOnlyList<CellGrid> Grids);
