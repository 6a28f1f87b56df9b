using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage;

/// <summary>The audit log: who-did-what for adjustments, PIN failures, voids and erasures. Never personal data.</summary>
internal static class Audit
{
    public static void Write(SqliteConnection c, SqliteTransaction? tx, DateTimeOffset at, string action, CustomerId? customer, string detail, bool allowed) =>
        Sql.Execute(
            c,
            tx,
            "INSERT INTO audit (at, action, customer_id, detail, allowed) VALUES ($at, $a, $c, $d, $ok)",
            ("$at", Sql.Time(at)),
            ("$a", action),
            ("$c", customer?.Value),
            ("$d", detail),
            ("$ok", allowed ? 1 : 0));
}
