namespace BudgetGrpc.Engine.Model;

public enum DisclosureErrorCode
{
    /// <summary>The file is empty.</summary>
    Empty,
    /// <summary>Larger than the configured limit, or a zip that expands past it.</summary>
    TooLarge,
    /// <summary>The extension and content match no container the engine reads.</summary>
    UnsupportedFormat,
    /// <summary>The container is damaged: a broken zip, invalid OOXML, undecodable text.</summary>
    Unreadable,
    /// <summary>The container was read but holds no table.</summary>
    NoTable,
    /// <summary>Tables were found but none has the headers of a known layout.</summary>
    UnrecognisedLayout,
    /// <summary>A layout was recognised but yielded no project.</summary>
    NoProjects,
    /// <summary>A PDF whose pages carry no usable text (scans, fonts without a Unicode mapping): OCR would be needed.</summary>
    NoTextLayer,
    /// <summary>A legacy document (.doc, .wps, RTF) needs a converter the host has not provided or cannot start.</summary>
    ConverterUnavailable,
}

/// <summary>Why a file could not be turned into a disclosure: what was expected and where.</summary>
public sealed record DisclosureError(DisclosureErrorCode Code, string Message, string FileName, SourceRef? Location = null)
{
    /// <summary>UPPER_SNAKE reason for gRPC ErrorInfo and logs.</summary>
    public string Reason => Code switch
    {
        DisclosureErrorCode.Empty => "EMPTY_FILE",
        DisclosureErrorCode.TooLarge => "FILE_TOO_LARGE",
        DisclosureErrorCode.UnsupportedFormat => "UNSUPPORTED_FORMAT",
        DisclosureErrorCode.Unreadable => "UNREADABLE_FILE",
        DisclosureErrorCode.NoTable => "NO_TABLE",
        DisclosureErrorCode.UnrecognisedLayout => "UNRECOGNISED_LAYOUT",
        DisclosureErrorCode.NoProjects => "NO_PROJECTS",
        DisclosureErrorCode.NoTextLayer => "NO_TEXT_LAYER",
        DisclosureErrorCode.ConverterUnavailable => "CONVERTER_UNAVAILABLE",
        _ => "PARSE_ERROR",
    };

    /// <summary>
    /// The exception a last-resort catch turned into this error, for logs and tests only (never on the wire): the
    /// robustness tests fail when it is a programming error of the engine's own rather than a damaged file.
    /// </summary>
    public Exception? Cause { get; init; }

    public override string ToString() =>
        Location is null || Location == SourceRef.None ? $"{FileName}: {Message}" : $"{FileName} ({Location}): {Message}";
}

/// <summary>A disclosure or the typed error that says why there is none. Never both, never neither.</summary>
public sealed class ParseResult
{
    private ParseResult(Disclosure? disclosure, DisclosureError? error)
    {
        Disclosure = disclosure;
        Error = error;
    }

    public Disclosure? Disclosure { get; }
    public DisclosureError? Error { get; }
    public bool Succeeded => Disclosure is not null;

    public static ParseResult Ok(Disclosure disclosure) => new(disclosure, null);
    public static ParseResult Fail(DisclosureError error) => new(null, error);
}

/// <summary>Thrown inside the engine to abort a parse with a typed error; never escapes <see cref="DisclosureEngine"/>.</summary>
public sealed class DisclosureException(DisclosureError error) : Exception(error.ToString())
{
    public DisclosureError Error { get; } = error;
}
