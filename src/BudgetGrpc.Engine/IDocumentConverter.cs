namespace BudgetGrpc.Engine;

/// <summary>
/// Turns a legacy word-processing document (Word 97–2003 .doc, WPS .wps, RTF, Word 2003 XML) into a .docx, which
/// the engine then reads like any other. The engine stays a pure library: it starts no process and touches no
/// file, so the conversion is the host's (the server and the tools console register a LibreOffice converter).
/// Implementations must be safe to call from several threads at once.
/// </summary>
public interface IDocumentConverter
{
    /// <summary>The document as the bytes of a .docx package.</summary>
    /// <param name="content">The legacy document's bytes.</param>
    /// <param name="fileName">The name it arrived under, for messages and for the converter's filter choice.</param>
    /// <exception cref="DocumentConversionException">The converter is missing, timed out or could not convert.</exception>
    byte[] ConvertToDocx(ReadOnlyMemory<byte> content, string fileName);
}

/// <summary>Why a conversion gave no document.</summary>
public enum ConversionFailure
{
    /// <summary>The converter is not installed or cannot start: the host's setup, not the file, is at fault.</summary>
    Unavailable,
    /// <summary>The conversion took longer than the converter allows.</summary>
    TimedOut,
    /// <summary>The converter ran but produced no document: the file is damaged or not what it claims.</summary>
    Failed,
}

/// <summary>Thrown by an <see cref="IDocumentConverter"/>; the engine turns it into a typed error.</summary>
public sealed class DocumentConversionException(ConversionFailure failure, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public ConversionFailure Failure { get; } = failure;
}
