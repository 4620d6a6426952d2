using BudgetGrpc.Engine.Words;

namespace BudgetGrpc.Engine.Indicators;

/// <summary>Words that county tables write as a qualitative target (效果明显, 提升, 合规 …): group qualitative of the lexicon.</summary>
internal static class QualitativeWords
{
    // The longest listed word has ten characters; longer texts are never looked up (nor fill the lexicon's answer cache).
    private const int LongestWord = 16;

    /// <summary>Whether the text, trimmed of end punctuation, is a known qualitative target.</summary>
    public static bool IsKnown(string text)
    {
        var word = text.Trim().TrimEnd('。', '.', '；', ';', '，', ',');
        return word.Length is > 0 and <= LongestWord && Lexicon.RoleOf("qualitative", Lexicon.Fold(word)) == "Target";
    }
}
