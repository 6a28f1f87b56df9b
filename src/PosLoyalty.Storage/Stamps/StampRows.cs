using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Outbox;

namespace PosLoyalty.Storage.Stamps;

/// <summary>
/// The one place that reads and writes the stamp ledger (stamp_events, append-only): a card's count is the sum of its
/// rows, whichever till wrote them. The outbox carries a change's rows as JSON (<see cref="Json"/>) and the other
/// tills add them with <see cref="AddPulled"/>, keyed by the event and the row's line in it.
/// </summary>
internal static class StampRows
{
    /// <summary>What this till writes: 'local'. A pulled row names its till as "shop/till".</summary>
    public const string LocalTill = "local";

    public static void Add(SqliteConnection c, SqliteTransaction tx, CustomerId customer, string program, long delta, string reason, string at, long? saleId = null, string? couponCode = null) =>
        Sql.Execute(
            c,
            tx,
            "INSERT INTO stamp_events (customer_id, program, sale_id, coupon_code, delta, reason, at, till) VALUES ($c, $p, $s, $code, $d, $r, $at, $till)",
            ("$c", customer.Value),
            ("$p", program),
            ("$s", saleId),
            ("$code", couponCode),
            ("$d", delta),
            ("$r", reason),
            ("$at", at),
            ("$till", LocalTill));

    /// <summary>Each card's ledger sum for the customer, by card id; a card without rows is absent (0).</summary>
    public static Dictionary<string, int> Sums(SqliteConnection c, SqliteTransaction? tx, CustomerId id)
    {
        var sums = new Dictionary<string, int>(StringComparer.Ordinal);
        using var cmd = Sql.Command(c, tx, "SELECT program, SUM(delta) FROM stamp_events WHERE customer_id = $id GROUP BY program", ("$id", id.Value));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            sums[r.GetString(0)] = (int)Math.Clamp(r.GetInt64(1), int.MinValue, int.MaxValue);
        }

        return sums;
    }

    /// <summary>The cards of the rules, as the counter shows them, from the customer's ledger.</summary>
    public static List<StampCardView> Views(SqliteConnection c, SqliteTransaction? tx, CustomerId id, LoyaltyRules rules)
    {
        var sums = Sums(c, tx, id);
        return rules.StampCards.Select(card => StampCardView.For(card, sums.GetValueOrDefault(card.Id))).ToList();
    }

    /// <summary>
    /// The rows chosen by <paramref name="where"/> (with $k bound to <paramref name="key"/>) as an event carries them:
    /// each names its customer by chain id, so another till adds it to the same person.
    /// </summary>
    public static JsonArray Json(SqliteConnection c, SqliteTransaction tx, string where, object key, DateTimeOffset at)
    {
        var rows = new List<(long Customer, string Program, long Delta, string Reason)>();
        using (var cmd = Sql.Command(c, tx, $"SELECT customer_id, program, delta, reason FROM stamp_events WHERE {where} ORDER BY id", ("$k", key)))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                rows.Add((r.GetInt64(0), r.GetString(1), r.GetInt64(2), r.GetString(3)));
            }
        }

        return new JsonArray([.. rows.Select(e => (JsonNode)new JsonObject
        {
            ["customer"] = ChainCustomerIds.For(c, tx, new CustomerId(e.Customer), at),
            ["program"] = e.Program,
            ["delta"] = e.Delta,
            ["reason"] = e.Reason,
        })]);
    }

    /// <summary>The chain id of the first customer the rows name that this till has not heard of yet; null when it knows them all.</summary>
    public static string? UnknownCustomer(SqliteConnection c, SqliteTransaction tx, JsonArray? rows, string eventId)
    {
        foreach (var node in rows ?? [])
        {
            var chainId = ChainId(node!.AsObject(), eventId);
            if (ChainCustomerIds.Local(c, tx, chainId) is null)
            {
                return chainId;
            }
        }

        return null;
    }

    /// <summary>
    /// Another till's rows, carried by event <paramref name="eventId"/>: added once, to the customer they now belong to
    /// (a merge here moved the stamps to the survivor), however often the event is pulled. The caller has checked
    /// with <see cref="UnknownCustomer"/> that this till knows every customer they name.
    /// </summary>
    public static void AddPulled(SqliteConnection c, SqliteTransaction tx, JsonArray? rows, string eventId, string till, string at, long? saleId, string? couponCode)
    {
        var line = 0;
        foreach (var node in rows ?? [])
        {
            var row = node!.AsObject();
            line++;
            var owner = ChainCustomerIds.Local(c, tx, ChainId(row, eventId)) ?? throw new StorageException($"event {eventId}, stamp row {line}: the customer is not known here");
            Sql.Execute(
                c,
                tx,
                "INSERT INTO stamp_events (customer_id, program, sale_id, coupon_code, delta, reason, at, till, chain_event, chain_line) VALUES ($c, $p, $s, $code, $d, $r, $at, $till, $e, $l) ON CONFLICT (chain_event, chain_line) WHERE chain_event IS NOT NULL DO NOTHING",
                ("$c", CustomerRows.Live(c, tx, owner.Value)),
                ("$p", row["program"]?.GetValue<string>() ?? throw new StorageException($"event {eventId}, stamp row {line}: no program")),
                ("$s", saleId),
                ("$code", couponCode),
                ("$d", row["delta"]?.GetValue<long>() ?? throw new StorageException($"event {eventId}, stamp row {line}: no delta")),
                ("$r", row["reason"]?.GetValue<string>() ?? throw new StorageException($"event {eventId}, stamp row {line}: no reason")),
                ("$at", at),
                ("$till", till),
                ("$e", eventId),
                ("$l", line));
        }
    }

    private static string ChainId(JsonObject row, string eventId) =>
        row["customer"]?.GetValue<string>() ?? throw new StorageException($"event {eventId}: a stamp row names no customer");
}
