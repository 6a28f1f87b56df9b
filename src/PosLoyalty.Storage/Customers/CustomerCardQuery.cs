using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Customers;

/// <summary>
/// The customer card's one read: the profile and the counter facts in one deferred transaction. Read in two (as the
/// card once was), a sale committed between them gave a card whose points and visit count were from before it while
/// "usually buys" and the previous visit were from after. In WAL mode the snapshot is fixed by the first read and
/// the till's writes never wait for it.
/// </summary>
public sealed class CustomerCardQuery(LoyaltyDatabase database, CustomerRepository customers, CounterQueries counter, TimeProvider time)
{
    /// <summary>
    /// Runs between the profile's read and the facts' (inside the transaction); only tests set it, to commit a sale
    /// exactly there, where the race used to be.
    /// </summary>
    internal Action? BetweenReads { get; init; }

    /// <exception cref="NotFoundException">There is no such customer (or they were erased).</exception>
    public CustomerCardSnapshot Read(CustomerId id)
    {
        var now = time.GetUtcNow();
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: true);
        var profile = customers.ReadProfile(c, tx, id, now);
        BetweenReads?.Invoke();
        var facts = counter.Facts(c, tx, id, now);
        tx.Commit();
        return new CustomerCardSnapshot(profile, facts, now);
    }
}
