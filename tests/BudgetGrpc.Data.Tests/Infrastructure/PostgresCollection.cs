namespace BudgetGrpc.Data.Tests.Infrastructure;

/// <summary>
/// The test classes of this project that join this collection share one <see cref="PostgresCluster"/> (from the test
/// kit). Declared here because xunit looks for collection definitions only in the test assembly.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = PostgresCluster.Collection;
}
