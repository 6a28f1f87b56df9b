using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Storage.Privacy;

/// <summary>
/// What erasing a person does to this file, the same whether it was asked for at this till or at another till of the
/// chain: the person's fields, notes and cards go, their pending sales lose the link and items, and the anonymous
/// ledger and sales totals stay (the books must still add up). <see cref="Compact"/> then rewrites the file.
/// </summary>
internal static class Erasure
{
    public static void ErasePersonalData(SqliteConnection c, SqliteTransaction tx, CustomerId id, DateTimeOffset now)
    {
        Sql.Execute(
            c,
            tx,
            "UPDATE customers SET display_name = '(erased)', greeting = NULL, birthday = NULL, anniversary = NULL, phone = NULL, email = NULL, consent_marketing = 0, consent_changed_at = $now, erased_at = COALESCE(erased_at, $now) WHERE id = $id",
            ("$now", Sql.Time(now)),
            ("$id", id.Value));
        Sql.Execute(c, tx, "DELETE FROM notes WHERE customer_id = $id", ("$id", id.Value));
        Sql.Execute(c, tx, "DELETE FROM cards WHERE customer_id = $id", ("$id", id.Value));
    }

    /// <summary>
    /// An erasure: the person's data, their pending sales' link and items (one still waiting is dropped), and their
    /// live coupons voided (a paper left in someone's wallet no longer pays out for a person who is gone).
    /// </summary>
    public static void ErasePerson(SqliteConnection c, SqliteTransaction tx, CustomerId id, DateTimeOffset now)
    {
        ErasePersonalData(c, tx, id, now);
        PendingSales.ForgetCustomer(c, tx, id, now);
        Sql.Execute(c, tx, "UPDATE coupons SET voided_at = $now WHERE customer_id = $id AND redeemed_at IS NULL AND voided_at IS NULL", ("$now", Sql.Time(now)), ("$id", id.Value));
    }

    /// <summary>
    /// secure_delete (on for every connection) zeroes the freed cells; a checkpoint, VACUUM and a truncating checkpoint
    /// then rewrite the file and empty the WAL, so no old page keeps the data. Run outside any transaction. False when
    /// another connection's read kept the WAL from being emptied (past the busy timeout): old WAL pages may still hold
    /// the person until a later compaction.
    /// </summary>
    public static bool Compact(LoyaltyDatabase database)
    {
        using var c = database.OpenConnection();
        Sql.Execute(c, null, "PRAGMA wal_checkpoint(TRUNCATE);");
        Sql.Execute(c, null, "VACUUM;");

        // wal_checkpoint answers (busy, WAL frames, frames checkpointed); busy = 1 means it could not finish.
        return Sql.Scalar<long>(c, null, "PRAGMA wal_checkpoint(TRUNCATE);") == 0;
    }
}
