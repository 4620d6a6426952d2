using BudgetGrpc.Engine.Words;

namespace BudgetGrpc.Engine.Indicators;

/// <summary>Words that county tables write as a qualitative target (效果明显, 提升, 合规 …): group qualitative of the lexicon.</summary>
internal static class QualitativeWords
{
    // The longest listed word has ten characters; longer texts are never looked up (nor fill the lexicon's answer cache).
    private const int LongestWord = 16;

    /// <summary>
    /// Whether a few words end in a known qualitative target (汛前完成, 逐年持续改善): a short wordy tail set off by a space
    /// after an indicator's name is then its target.
    /// </summary>
    public static bool EndsInKnown(string text)
    {
        var word = text.Trim().TrimEnd(EndPunctuation);
        if (word.Length is < 3 or > 8 || word.Any(char.IsDigit)) return false;
        for (var length = 2; length < word.Length; length++)
            if (IsKnown(word[^length..])) return true;
        return false;
    }

    /// <summary>
    /// The length of a known qualitative target of three or more characters glued to the end of a name of four or more
    /// (文物保护名录和数据库基本健全: 基本健全), the longest one; 0 where none is, or the text holds a figure.
    /// </summary>
    public static int GluedTail(string text)
    {
        if (text.Any(char.IsDigit)) return 0;
        for (var length = Math.Min(LongestWord, text.Length - 4); length >= 3; length--)
            if (IsKnown(text[^length..])) return length;
        return 0;
    }

    private static readonly char[] EndPunctuation = ['。', '.', '；', ';', '，', ','];

    /// <summary>Whether the text, trimmed of end punctuation, is a known qualitative target.</summary>
    public static bool IsKnown(string text)
    {
        var word = text.Trim().TrimEnd(EndPunctuation);
        return word.Length is > 0 and <= LongestWord && Lexicon.RoleOf("qualitative", Lexicon.Fold(word)) == "Target";
    }
}
