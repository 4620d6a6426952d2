using System.Security.Cryptography;
using BudgetGrpc.Engine.Layouts;
using BudgetGrpc.Engine.Model;
using BudgetGrpc.Engine.Reading;
using BudgetGrpc.Engine.Validation;

namespace BudgetGrpc.Engine;

/// <summary>
/// Bytes and a file name in, a validated <see cref="Disclosure"/> or a typed <see cref="DisclosureError"/> out.
/// No file system, no database: the server, the tools console, tests and benchmarks all call this.
/// </summary>
/// <param name="limits">Bounds on size, cells and expansion; the defaults when null.</param>
/// <param name="validator">The rule catalog with the deployment's severities; the defaults when null.</param>
/// <param name="converter">Turns legacy .doc/.wps/RTF into .docx; without one those files get CONVERTER_UNAVAILABLE.</param>
public sealed class DisclosureEngine(EngineLimits? limits = null, Validator? validator = null, IDocumentConverter? converter = null)
{
    /// <summary>
    /// Stored with every revision. Bump it whenever the engine may read the same bytes differently,
    /// so that reprocessing can tell which revisions came from an older engine.
    /// </summary>
    public const string Version = "1.1.0"; // 1.1: .xls, .doc/.wps/RTF (converter), PDF; detection by content

    private readonly EngineLimits _limits = limits ?? new EngineLimits();
    private readonly Validator _validator = validator ?? new Validator();

    /// <summary>Parses and validates: the disclosure carries the rule catalog's findings.</summary>
    public ParseResult Parse(ReadOnlyMemory<byte> content, string fileName)
    {
        var parsed = ParseWithoutValidation(content, fileName);
        if (parsed.Disclosure is not { } disclosure) return parsed;
        try
        {
            var findings = _validator.Validate(disclosure);
            return ParseResult.Ok(disclosure with { Findings = [.. disclosure.Findings, .. findings] });
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ParseResult.Fail(new DisclosureError(DisclosureErrorCode.Unreadable,
                $"validation failed unexpectedly: {ex.Message}", fileName) { Cause = ex });
        }
    }

    /// <summary>Reads the container and the layout only; findings are the parser's own.</summary>
    public ParseResult ParseWithoutValidation(ReadOnlyMemory<byte> content, string fileName)
    {
        fileName = string.IsNullOrWhiteSpace(fileName) ? "(unnamed)" : fileName;
        if (content.Length == 0)
            return ParseResult.Fail(new DisclosureError(DisclosureErrorCode.Empty, "the file is empty", fileName));
        if (content.Length > _limits.MaxFileBytes)
            return ParseResult.Fail(new DisclosureError(DisclosureErrorCode.TooLarge,
                $"the file has {content.Length:N0} bytes; at most {_limits.MaxFileBytes:N0} are accepted", fileName));
        try
        {
            var container = ContainerReader.Read(content, fileName, _limits, converter);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(content.Span));
            // A table in traditional script is read folded to simplified, its texts given back as the document wrote them.
            var script = Words.TraditionalScript.Of(container);
            var disclosure = script.Restore(LayoutReader.Read(script.Folded, fileName, sha256));
            return ParseResult.Ok(Indicators.SelfEvaluationScoring.Apply(disclosure, _validator.Scoring));
        }
        catch (DisclosureException ex)
        {
            return ParseResult.Fail(ex.Error);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A reader library failing on damaged input is a damaged file, not a crash.
            return ParseResult.Fail(new DisclosureError(DisclosureErrorCode.Unreadable,
                $"the file could not be read ({ex.GetType().Name}: {ex.Message})", fileName) { Cause = ex });
        }
    }
}
