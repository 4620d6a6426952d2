using System.Globalization;
using System.Text;
using BudgetGrpc.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace BudgetGrpc.Tools.Output;

/// <summary>Short texts for the wire types in tables.</summary>
internal static class RemoteText
{
    /// <summary>PUBLISHABLE, NEW_REVISION, …: the proto enum value without its prefix, as the API documents it.</summary>
    public static string Name<T>(T value) where T : struct, System.Enum => UpperSnake(value.ToString());

    /// <summary>NewRevision → NEW_REVISION, InvalidArgument → INVALID_ARGUMENT.</summary>
    public static string UpperSnake(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1])) text.Append('_');
            text.Append(char.ToUpperInvariant(name[i]));
        }
        return text.ToString();
    }

    public static string Counts(FindingCounts? counts) =>
        counts is null ? "" : $"{counts.Errors} E · {counts.Warnings} W · {counts.Infos} I";

    public static string Time(Timestamp? time) =>
        time is null ? "" : time.ToDateTimeOffset().ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Year(int year) => year == 0 ? "?" : year.ToString(CultureInfo.InvariantCulture);

    public static string Comparator(Contracts.V1.Comparator comparator) => comparator switch
    {
        Contracts.V1.Comparator.Equal => "=",
        Contracts.V1.Comparator.GreaterOrEqual => "≥",
        Contracts.V1.Comparator.LessOrEqual => "≤",
        Contracts.V1.Comparator.Greater => ">",
        Contracts.V1.Comparator.Less => "<",
        Contracts.V1.Comparator.Qualitative => "定性",
        _ => "",
    };

    /// <summary>The target as one text: comparator, value or qualitative value, unit.</summary>
    public static string Target(Indicator? indicator) => indicator is null ? "" :
        string.Join(' ', new[] { Comparator(indicator.Comparator), indicator.Value.Length > 0 ? indicator.Value : indicator.QualitativeValue, indicator.Unit }
            .Where(s => s.Length > 0));

    public static IRenderable[] Cells(params string[] texts) => texts.Select(t => (IRenderable)new Text(t)).ToArray();

    public static Table NewTable(string? title, params string[] columns)
    {
        var table = new Table();
        if (title is not null) table.Title(Markup.Escape(title));
        table.AddColumns(columns);
        return table;
    }
}
