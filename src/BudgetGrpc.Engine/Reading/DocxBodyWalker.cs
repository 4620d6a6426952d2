using System.Text;
using System.Xml;

namespace BudgetGrpc.Engine.Reading;

/// <summary>
/// One pass over word/document.xml. Top-level tables become grids (gridSpan filled to the right, vMerge filled
/// down from the anchor, both flagged as continuations; gridBefore skips columns). A cell's text is its paragraphs,
/// nested tables' included, joined by '\n'. Paragraphs outside tables since the previous table are its preamble.
/// Content controls (sdt) and custom XML wrappers are looked through, as they only wrap content.
/// </summary>
internal sealed class DocxBodyWalker(ReadContext context)
{
    private const int MaxPreambleLines = 20;
    private const int MaxSpan = 1000;

    private enum VerticalMerge { None, Restart, Continue }

    private readonly List<CellGrid> _grids = [];
    private readonly List<string> _preamble = [];
    private readonly List<string> _names = []; // open elements, for "whose child is this"
    private readonly StringBuilder _paragraph = new();
    private int _paragraphLevel;
    private bool _inText;
    private int _tableLevel;

    // The top-level table being read.
    private GridBuilder? _table;
    private List<string> _tablePreamble = [];
    private int _row;
    private int _column;

    // The top-level cell being read.
    private int _span;
    private VerticalMerge _vMerge;
    private bool _hMergeContinues;
    private readonly List<string> _cellLines = [];

    public List<CellGrid> Read(XmlReader xml)
    {
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element:
                    var name = xml.LocalName;
                    var empty = xml.IsEmptyElement;
                    Start(xml, name, empty);
                    if (empty) End(name);
                    else _names.Add(name);
                    break;
                case XmlNodeType.EndElement:
                    if (_names.Count > 0) _names.RemoveAt(_names.Count - 1);
                    End(xml.LocalName);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (_inText && _paragraph.Length < context.Limits.MaxCellChars) _paragraph.Append(xml.Value);
                    break;
            }
        }
        return _grids;
    }

    private string Parent => _names.Count > 0 ? _names[^1] : "";

    private void Start(XmlReader xml, string name, bool empty)
    {
        switch (name)
        {
            case "p":
                if (_paragraphLevel++ == 0) _paragraph.Clear();
                break;
            case "t" when _paragraphLevel > 0:
                _inText = !empty;
                break;
            case "tab" when _paragraphLevel > 0 && Parent == "r":
                _paragraph.Append('\t');
                break;
            case "br" or "cr" when _paragraphLevel > 0 && Parent == "r":
                _paragraph.Append('\n');
                break;
            case "noBreakHyphen" when _paragraphLevel > 0:
                _paragraph.Append('-');
                break;
            case "tbl":
                if (++_tableLevel == 1) StartTable();
                break;
            case "tr" when _tableLevel == 1:
                context.TakeCells(1, _table!.Name, _row + 2); // rows are charged too, see HtmlTableReader
                _row++;
                _column = 0;
                _table!.EnsureRows(_row + 1);
                break;
            case "gridBefore" when _tableLevel == 1 && Parent == "trPr":
                _column += Value(xml, 0);
                break;
            case "tc" when _tableLevel == 1:
                _span = 1;
                _vMerge = VerticalMerge.None;
                _hMergeContinues = false;
                _cellLines.Clear();
                break;
            case "gridSpan" when _tableLevel == 1 && Parent == "tcPr":
                _span = Math.Max(1, Value(xml, 1));
                break;
            case "vMerge" when _tableLevel == 1 && Parent == "tcPr":
                _vMerge = OoxmlXml.Attribute(xml, "val") is "restart" ? VerticalMerge.Restart : VerticalMerge.Continue;
                break;
            case "hMerge" when _tableLevel == 1 && Parent == "tcPr":
                _hMergeContinues = OoxmlXml.Attribute(xml, "val") is not "restart";
                break;
        }
    }

    private void End(string name)
    {
        switch (name)
        {
            case "t":
                _inText = false;
                break;
            case "p" when _paragraphLevel > 0:
                if (--_paragraphLevel == 0) EndParagraph();
                break;
            case "tc" when _tableLevel == 1:
                EndCell();
                break;
            case "tbl":
                if (_tableLevel-- == 1) EndTable();
                break;
        }
    }

    private void StartTable()
    {
        _table = new GridBuilder(context, $"table {_grids.Count + 1}");
        _tablePreamble = [.. _preamble];
        _preamble.Clear();
        _row = -1;
    }

    private void EndTable()
    {
        _grids.Add(_table!.Build(null, _tablePreamble));
        _table = null;
    }

    private void EndParagraph()
    {
        var text = _paragraph.ToString().Trim();
        _paragraph.Clear();
        if (text.Length == 0) return;
        if (_tableLevel > 0)
        {
            if (_table is not null) _cellLines.Add(text);
            return;
        }
        if (_preamble.Count == MaxPreambleLines) _preamble.RemoveAt(0);
        _preamble.Add(context.Cut(text));
    }

    private void EndCell()
    {
        var table = _table!;
        if (_row < 0) _row = 0; // a cell outside any row (damaged markup) lands in the first
        var row = _row;
        if (_hMergeContinues && _column > 0)
        {
            // Legacy horizontal merge: this cell continues the one to its left.
            var left = table.Get(row, _column - 1) ?? "";
            for (var c = 0; c < _span; c++) table.Set(row, _column + c, left, continuation: true);
        }
        else if (_vMerge == VerticalMerge.Continue && row > 0)
        {
            for (var c = 0; c < _span; c++)
                table.Set(row, _column + c, table.Get(row - 1, _column + c) ?? "", continuation: true);
        }
        else
        {
            var text = context.Cut(_cellLines.Count switch
            {
                0 => "",
                1 => _cellLines[0],
                _ => string.Join('\n', _cellLines),
            });
            table.Set(row, _column, text, continuation: false);
            for (var c = 1; c < _span; c++) table.Set(row, _column + c, text, continuation: true);
        }
        _column += _span;
        _cellLines.Clear();
    }

    private static int Value(XmlReader xml, int fallback) =>
        int.TryParse(OoxmlXml.Attribute(xml, "val"), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? Math.Min(value, MaxSpan)
            : fallback;
}
