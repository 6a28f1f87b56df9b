using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PosLoyalty.Reliability.Infrastructure;

/// <summary>
/// What must hold in the file after any crash or fault (docs/architecture.md, "Rules that keep data safe"): the file is sound, balances are the
/// ledger's sums, print states are single and consistent, nothing points at a row that is not there. Returns
/// the broken rules as text (empty when all hold), so a test can report every one at once.
/// </summary>
internal static class DatabaseInvariants
{
    public static void AssertHold(string databasePath)
    {
        var broken = Check(databasePath);
        Assert.True(broken.Count == 0, "invariants broken:\n" + string.Join('\n', broken));
    }

    public static List<string> Check(string databasePath)
    {
        var broken = new List<string>();
        using var c = new SqliteConnection($"Data Source={databasePath};Mode=ReadWrite;Pooling=False");
        c.Open();
        Execute(c, "PRAGMA busy_timeout = 10000;");

        var integrity = Rows(c, "PRAGMA integrity_check;");
        if (integrity is not ["ok"])
        {
            broken.Add("integrity_check: " + string.Join("; ", integrity.Take(5)));
            return broken;
        }

        foreach (var row in Rows(c, """
            SELECT c.id || ': balance ' || c.points_balance || ' but ledger ' || COALESCE(SUM(l.delta), 0)
            FROM customers c LEFT JOIN ledger l ON l.customer_id = c.id
            GROUP BY c.id HAVING c.points_balance <> COALESCE(SUM(l.delta), 0)
            """))
        {
            broken.Add("customer " + row);
        }

        foreach (var row in Rows(c, """
            SELECT code || ': ' || print_state || ' count ' || print_count || ' printed_at ' || COALESCE(printed_at, 'NULL') FROM coupons
            WHERE print_state NOT IN ('none', 'pending', 'printed')
               OR (print_state = 'printed' AND (print_count < 1 OR printed_at IS NULL))
               OR (print_state = 'pending' AND printed_at IS NOT NULL)
               OR (print_state = 'none' AND print_count <> 0)
            """))
        {
            broken.Add("coupon print state " + row);
        }

        foreach (var row in Rows(c, "SELECT 'ledger ' || id || ' names missing sale ' || sale_id FROM ledger WHERE sale_id IS NOT NULL AND sale_id NOT IN (SELECT id FROM sales)"))
        {
            broken.Add(row);
        }

        foreach (var row in Rows(c, "SELECT 'coupon ' || code || ' names missing sale ' || sale_id FROM coupons WHERE sale_id IS NOT NULL AND sale_id NOT IN (SELECT id FROM sales)"))
        {
            broken.Add(row);
        }

        foreach (var row in Rows(c, "SELECT 'sale ' || sale_id || ' has ' || COUNT(*) || ' ledger rows of reason ' || reason FROM ledger WHERE sale_id IS NOT NULL GROUP BY sale_id, reason HAVING COUNT(*) > 1"))
        {
            broken.Add(row);
        }

        foreach (var row in Rows(c, "SELECT 'foreign key: ' || \"table\" || ' row ' || COALESCE(rowid, '?') FROM pragma_foreign_key_check"))
        {
            broken.Add(row);
        }

        return broken;
    }

    public static List<string> Rows(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        var list = new List<string>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            list.Add(Convert.ToString(r.GetValue(0), CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return list;
    }

    private static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
