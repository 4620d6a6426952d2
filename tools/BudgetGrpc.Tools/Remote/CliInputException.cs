namespace BudgetGrpc.Tools.Remote;

/// <summary>The command line asks for something impossible before any call is made: exit 2.</summary>
internal sealed class CliInputException(string message) : Exception(message);
