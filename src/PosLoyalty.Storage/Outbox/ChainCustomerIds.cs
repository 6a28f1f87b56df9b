using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Outbox;

/// <summary>
/// A customer's chain-wide id. The local integer id is this file's own (each till numbers its customers); events
/// name customers by a UUIDv7 given at their first event, so a customer enrolled before the chain gets one too.
/// </summary>
internal static class ChainCustomerIds
{
    public static string For(SqliteConnection c, SqliteTransaction tx, CustomerId customer, DateTimeOffset at)
    {
        if (Find(c, tx, customer) is { } known)
        {
            return known;
        }

        var id = Guid.CreateVersion7(at).ToString();
        Sql.Execute(c, tx, "INSERT INTO chain_customers (customer_id, chain_id) VALUES ($c, $g)", ("$c", customer.Value), ("$g", id));
        return id;
    }

    public static string? Find(SqliteConnection c, SqliteTransaction? tx, CustomerId customer) =>
        Sql.Scalar<string>(c, tx, "SELECT chain_id FROM chain_customers WHERE customer_id = $c", ("$c", customer.Value));

    /// <summary>The local customer a chain id names, or null when this till has not heard of them.</summary>
    public static CustomerId? Local(SqliteConnection c, SqliteTransaction? tx, string chainId) =>
        Sql.Scalar<long?>(c, tx, "SELECT customer_id FROM chain_customers WHERE chain_id = $g", ("$g", chainId)) is { } id ? new CustomerId(id) : null;
}
