using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Rules;

namespace PosLoyalty.Benchmarks.Storage;

/// <summary>
/// Fills a fresh database (schema already made by LoyaltyDatabase.Open) with N customers, one card
/// each, their stamp cards, and K sales per customer, each with one item and one ledger row, by
/// INSERT … SELECT from recursive CTEs inside SQLite: no per-row round trips.
///
/// The seeding connection alone runs with synchronous=OFF and an in-memory rollback journal
/// (nothing else has the file open); the schema's secondary indexes are dropped first and
/// re-created from their own stored SQL at the end, which sorts once instead of inserting
/// randomly. The file is put back in WAL mode before the benchmark opens it.
///
/// Consistency: customers.points_balance equals SUM(ledger.delta) (checked by <see cref="Verify"/>),
/// visit_count and last_visit_at match the sales, every ledger row points at its sale.
/// </summary>
internal static class Seeder
{
    public const string TimeFormat = "%Y-%m-%dT%H:%M:%fZ";

    public const string SeedSettingKey = "benchmark.seed";

    private static readonly string[] Tables = ["customers", "cards", "stamp_events", "sales", "sale_items", "ledger"];

    /// <summary>The card number printed on customer <paramref name="customerId"/>'s card.</summary>
    public static string CardFor(long customerId) => "PL" + customerId.ToString("D10", System.Globalization.CultureInfo.InvariantCulture);

    public static string Describe(int customers, int perCustomer) => $"customers={customers};per-customer={perCustomer};format=1";

    public static void Seed(string path, int customers, int perCustomer, LoyaltyRules rules)
    {
        var total = Stopwatch.StartNew();
        var builder = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false };
        using var c = new SqliteConnection(builder.ToString());
        c.Open();

        // Leave WAL so the big transaction does not go through a multi-gigabyte WAL and a checkpoint.
        // Only possible while no other connection has the file open (the caller clears the pool).
        var mode = ScalarText(c, "PRAGMA journal_mode = MEMORY;");
        if (mode != "memory")
        {
            throw new InvalidOperationException($"seed: could not leave WAL mode (journal_mode is still '{mode}'): is another process using {path}?");
        }

        Exec(c, "PRAGMA synchronous = OFF; PRAGMA foreign_keys = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -524288;");

        var nowEpoch = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var parameters = new (string, object)[]
        {
            ("$n", (long)customers),
            ("$k", (long)perCustomer),
            ("$now", nowEpoch),
            ("$base", nowEpoch - (730L * 86400)), // first enrolment two years ago
            ("$span", 365L * 86400),              // enrolments spread over the first of those years
            ("$cur", rules.ShopCurrency.Value),
        };

        using (var tx = c.BeginTransaction(deferred: false))
        {
            var indexes = new List<(string Name, string Sql)>();
            using (var cmd = c.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({string.Join(", ", Tables.Select(t => "'" + t + "'"))})";
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    indexes.Add((r.GetString(0), r.GetString(1)));
                }
            }

            foreach (var (name, _) in indexes)
            {
                Exec(c, tx, $"DROP INDEX \"{name}\"");
            }

            Step(c, tx, "customers", customers, parameters, """
                WITH RECURSIVE
                  s(c) AS (SELECT 1 UNION ALL SELECT c + 1 FROM s WHERE c < $n),
                  j(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM j WHERE j < $k - 1),
                  t(c, e) AS (SELECT c, $base + (c * $span) / $n FROM s)
                INSERT INTO customers (id, display_name, birthday, phone, consent_marketing, consent_changed_at, enrolled_at, points_balance, visit_count, last_visit_at)
                SELECT c,
                       json_extract('["Anna","Ben","Chloé","Daan","Emma","Finn","Greta","Hugo","Iris","Jonas","Katja","Lars","Mila","Noah","Olga","Piet","Rosa","Sem","Tess","Youssef"]', '$[' || (c % 20) || ']')
                         || ' ' ||
                       json_extract('["de Vries","Jansen","Müller","Bakker","Visser","Smit","Meyer","de Jong","Peters","Hoekstra","Schmidt","Dubois","Mertens","Bos","Kuipers","Martin","Vos","Koster","Wagner","Janssens"]', '$[' || ((c / 20) % 20) || ']'),
                       CASE WHEN c % 3 = 0 THEN printf('%02d-%02d', c % 12 + 1, c % 28 + 1) END,
                       CASE WHEN c % 2 = 0 THEN printf('+31 6 %08d', c % 100000000) END,
                       CASE WHEN c % 4 = 0 THEN 1 ELSE 0 END,
                       CASE WHEN c % 4 = 0 THEN strftime('%Y-%m-%dT%H:%M:%fZ', e, 'unixepoch') END,
                       strftime('%Y-%m-%dT%H:%M:%fZ', e, 'unixepoch'),
                       (SELECT SUM(3 + (t.c * 7 + j.j * 13) % 40) FROM j),
                       $k,
                       strftime('%Y-%m-%dT%H:%M:%fZ', e + $k * (($now - 86400 - e) / $k), 'unixepoch')
                FROM t
                """);

            Step(c, tx, "cards", customers, parameters, """
                INSERT INTO cards (card_number, customer_id, issued_at)
                SELECT printf('PL%010d', id), id, enrolled_at FROM customers ORDER BY id
                """);

            foreach (var card in rules.StampCards)
            {
                var stamp = parameters.Append(("$p", card.Id)).Append(("$pre", (long)card.PreStamped)).ToArray();
                if (card.PreStamped > 0)
                {
                    Step(c, tx, $"stamp_events ({card.Id}, enrolment)", customers, stamp, "INSERT INTO stamp_events (customer_id, program, delta, reason, at) SELECT id, $p, $pre, 'enrolment', enrolled_at FROM customers ORDER BY id");
                }
            }

            // Sale i (0-based) is visit j = i % K of customer c = i / K + 1; amounts X.50 with X = 3..42.
            Step(c, tx, "sales", (long)customers * perCustomer, parameters, """
                WITH RECURSIVE
                  s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < $n * $k - 1),
                  u(i, c, j, e) AS (SELECT i, i / $k + 1, i % $k, $base + ((i / $k + 1) * $span) / $n FROM s)
                INSERT INTO sales (id, till_id, receipt_number, kind, customer_id, total_e4, currency, at, at_offset_minutes)
                SELECT i + 1, 'till-' || (i % 3 + 1), printf('S%010d', i + 1), 'sale', c,
                       (3 + (c * 7 + j * 13) % 40) * 10000 + 5000, $cur,
                       strftime('%Y-%m-%dT%H:%M:%fZ', e + (j + 1) * (($now - 86400 - e) / $k), 'unixepoch'), 60
                FROM u
                """);

            Step(c, tx, "sale_items", (long)customers * perCustomer, parameters, """
                INSERT INTO sale_items (sale_id, line, sku, description, quantity, amount_e4)
                SELECT id, 1, CASE WHEN id % 2 = 0 THEN printf('SKU-%03d', id % 8) END,
                       json_extract('["Sandwich","Croissant","Orange juice","Muffin","Bagel","Soup of the day","Brownie","Tea"]', '$[' || (id % 8) || ']'),
                       '1', total_e4
                FROM sales ORDER BY id
                """);

            Step(c, tx, "ledger", (long)customers * perCustomer, parameters, """
                INSERT INTO ledger (id, customer_id, sale_id, delta, reason, at)
                SELECT id, customer_id, id, total_e4 / 10000, 'purchase', at FROM sales ORDER BY id
                """);

            foreach (var (name, sql) in indexes)
            {
                Step(c, tx, "index " + name, 0, [], sql);
            }

            Exec(c, tx, "INSERT INTO settings (key, value) VALUES ($k, $v) ON CONFLICT (key) DO UPDATE SET value = excluded.value", ("$k", SeedSettingKey), ("$v", Describe(customers, perCustomer)));
            var commit = Stopwatch.StartNew();
            tx.Commit();
            Report.Progress($"seed: commit {commit.Elapsed.TotalSeconds:F1} s");
        }

        if (ScalarText(c, "PRAGMA journal_mode = WAL;") != "wal")
        {
            throw new InvalidOperationException("seed: could not put the file back in WAL mode");
        }

        Report.Progress($"seed: done in {total.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>
    /// Checks what the seed promises, with the same queries any auditor would use: every
    /// customer's cached balance equals its ledger sum, and the row counts are as asked.
    /// </summary>
    public static void Verify(SqliteConnection c, int customers, int perCustomer)
    {
        var sw = Stopwatch.StartNew();
        var wrongBalance = Scalar(c, "SELECT COUNT(*) FROM customers c WHERE c.points_balance <> (SELECT COALESCE(SUM(delta), 0) FROM ledger WHERE customer_id = c.id)");
        var customerRows = Scalar(c, "SELECT COUNT(*) FROM customers");
        var cardRows = Scalar(c, "SELECT COUNT(*) FROM cards");
        var ledgerRows = Scalar(c, "SELECT COUNT(*) FROM ledger");
        var saleRows = Scalar(c, "SELECT COUNT(*) FROM sales");
        var orphanLedger = Scalar(c, "SELECT COUNT(*) FROM ledger l WHERE NOT EXISTS (SELECT 1 FROM sales s WHERE s.id = l.sale_id AND s.customer_id = l.customer_id)");
        var expectedRows = (long)customers * perCustomer;
        if (wrongBalance != 0 || customerRows != customers || cardRows != customers || ledgerRows != expectedRows || saleRows != expectedRows || orphanLedger != 0)
        {
            throw new InvalidOperationException(
                $"seeded database is inconsistent: {wrongBalance} balances differ from the ledger, {orphanLedger} ledger rows without their sale; rows: customers {customerRows}/{customers}, cards {cardRows}/{customers}, sales {saleRows}/{expectedRows}, ledger {ledgerRows}/{expectedRows}");
        }

        Report.Progress($"seed: verified ({customerRows:N0} customers, {cardRows:N0} cards, {saleRows:N0} sales, {ledgerRows:N0} ledger rows, every balance = SUM(ledger)) in {sw.Elapsed.TotalSeconds:F1} s");
    }

    public static string? ReadSeedDescription(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT value FROM settings WHERE key = $k";
        cmd.Parameters.AddWithValue("$k", SeedSettingKey);
        return cmd.ExecuteScalar() as string;
    }

    private static void Step(SqliteConnection c, SqliteTransaction tx, string what, long expected, (string Name, object Value)[] parameters, string sql)
    {
        var sw = Stopwatch.StartNew();
        var rows = Exec(c, tx, sql, parameters);
        if (expected > 0 && rows != expected)
        {
            throw new InvalidOperationException($"seed {what}: inserted {rows} rows, expected {expected}");
        }

        Report.Progress($"seed: {what}: {(expected > 0 ? rows.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " rows " : string.Empty)}in {sw.Elapsed.TotalSeconds:F1} s");
    }

    private static long Scalar(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        return (long)cmd.ExecuteScalar()!;
    }

    private static string? ScalarText(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar() as string;
    }

    private static int Exec(SqliteConnection c, string sql) => Exec(c, null, sql);

    private static int Exec(SqliteConnection c, SqliteTransaction? tx, string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            if (sql.Contains(name, StringComparison.Ordinal))
            {
                cmd.Parameters.AddWithValue(name, value);
            }
        }

        return cmd.ExecuteNonQuery();
    }
}
