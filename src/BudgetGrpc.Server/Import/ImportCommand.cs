using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Server.Import;

/// <summary>
/// One file to import. <paramref name="RequestId"/> makes a retried call return the first call's answer;
/// <paramref name="Kind"/> null takes the kind the engine reads from the file. <paramref name="KeyScope"/> names the
/// caller (the API key); a request id is bound to it, to the content and to <paramref name="ValidateOnly"/>.
/// </summary>
public sealed record ImportCommand(
    string FileName,
    byte[] Content,
    string? DepartmentHint = null,
    bool ValidateOnly = false,
    string? RequestId = null,
    DisclosureKind? Kind = null,
    string KeyScope = "");
