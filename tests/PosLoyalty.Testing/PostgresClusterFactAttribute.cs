using Xunit;

namespace PosLoyalty.Testing;

/// <summary>A test that needs a real PostgreSQL (<see cref="PostgresCluster"/>): skipped, saying why, where none can run.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresClusterFactAttribute : FactAttribute
{
    public PostgresClusterFactAttribute()
    {
        if (PostgresCluster.UnavailableReason is { } reason)
        {
            Skip = reason;
        }
    }
}
