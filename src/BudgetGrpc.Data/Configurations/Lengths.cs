namespace BudgetGrpc.Data.Configurations;

/// <summary>Column lengths. Indexed text needs a bound (SQL Server keys stop at 1,700 bytes).</summary>
internal static class Lengths
{
    public const int Id = 16;
    public const int Department = 200;
    public const int Title = 500;
    public const int Enum = 32;
    public const int Sha256 = 64;
    public const int FileName = 400;
    public const int Format = 16;
    public const int EngineVersion = 32;
    public const int AmountUnit = 16;
    public const int Code = 100;
    public const int Name = 500;
    public const int Level = 64;
    public const int Unit = 64;
    public const int RuleId = 32;
    public const int RequestId = 128;
    public const int KeyScope = 100;
    public const int Reason = 64;
    public const int SourceRef = 400;
}
