using BudgetGrpc.Engine.Model;

namespace BudgetGrpc.Engine.Validation;

/// <summary>Runs the rule catalog over a parsed disclosure.</summary>
public sealed class Validator
{
    public IReadOnlyList<Finding> Validate(Disclosure disclosure) => [];
}
