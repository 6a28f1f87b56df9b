namespace PosLoyalty.Chain.Tests;

/// <summary>One throwaway PostgreSQL for the assembly's tests; each test takes a fresh database from it.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres";
}
