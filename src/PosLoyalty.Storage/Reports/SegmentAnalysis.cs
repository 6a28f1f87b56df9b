using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Values;

namespace PosLoyalty.Storage.Reports;

/// <summary>
/// Puts every customer in one of the five segments (<see cref="SegmentThresholds"/>) and works out the
/// Pareto split by spend. Everything is read in one snapshot, so the groups add up.
/// </summary>
public sealed class SegmentAnalysis(LoyaltyDatabase database, TimeProvider time)
{
    public SegmentReport Run(SegmentThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        thresholds.Validate();
        var now = time.GetUtcNow();
        var from = now.AddMonths(-thresholds.WindowMonths);
        var formerCut = now.AddMonths(-thresholds.FormerAfterMonths);

        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: true);
        var maxId = Sql.Scalar<long>(c, tx, "SELECT COALESCE(MAX(id), 0) FROM customers");
        if (maxId > int.MaxValue - 1)
        {
            throw new StorageException($"customer ids go up to {maxId}: too many for the segment report");
        }

        // Sequential passes over the sales, summed into arrays indexed by customer id. SQLite's own
        // GROUP BY would sort all ten million rows (or fetch them one by one in index order), and the
        // median needs every basket anyway; counting while the rows stream past is linear and small
        // (a few bytes per customer, one counter per distinct basket amount). The rowid range is split
        // across cores, each part on its own connection; the upper bound is fixed in this snapshot,
        // so a sale committed meanwhile is in no part.
        var maxSaleId = Sql.Scalar<long>(c, tx, "SELECT COALESCE(MAX(id), 0) FROM sales");
        var parts = Math.Clamp(Environment.ProcessorCount, 1, 4);
        var scans = new SalesScan[parts];
        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
        {
            var lo = maxSaleId * part / parts;
            var hi = maxSaleId * (part + 1) / parts;
            scans[part] = part == 0 ? ScanSales(c, tx, lo, hi, from, now, maxId) : ScanSalesOnOwnConnection(lo, hi, from, now, maxId);
        });

        var visits = scans[0].Visits;
        var spend = scans[0].Spend;
        var baskets = scans[0].Baskets;
        long unclaimedE4 = 0;
        foreach (var scan in scans)
        {
            unclaimedE4 += scan.UnclaimedE4;
            if (ReferenceEquals(scan, scans[0]))
            {
                continue;
            }

            for (var i = 0; i < visits.Length; i++)
            {
                visits[i] += scan.Visits[i];
                spend[i] += scan.Spend[i];
            }

            foreach (var (value, n) in scan.Baskets)
            {
                ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(baskets, value, out _);
                count += n;
            }
        }

        var basketCount = baskets.Values.Sum();
        var medianE4 = Median(baskets, basketCount);

        var counts = new long[SegmentNames.All.Count];
        var revenue = new long[SegmentNames.All.Count];
        var buyers = new List<long>();
        long customers = 0;
        long memberE4 = 0;
        using (var cmd = Sql.Command(
            c,
            tx,
            "SELECT id, COALESCE(last_visit_at, enrolled_at) >= $cut FROM customers WHERE erased_at IS NULL AND merged_into IS NULL",
            ("$cut", Sql.Time(formerCut))))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var id = r.GetInt64(0);
                var segment = (int)thresholds.Classify(r.GetInt64(1) != 0, visits[id], spend[id], medianE4);
                counts[segment]++;
                revenue[segment] += spend[id];
                customers++;
                memberE4 += spend[id];
                if (visits[id] > 0 || spend[id] != 0)
                {
                    buyers.Add(spend[id]);
                }
            }
        }

        tx.Commit();

        var groups = SegmentNames.All
            .Select(s => new SegmentGroup(s, counts[(int)s], Sql.FromE4(revenue[(int)s]), Share(revenue[(int)s], memberE4)))
            .ToList();
        return new SegmentReport(
            thresholds,
            from,
            now,
            formerCut,
            Sql.FromE4(medianE4),
            basketCount,
            customers,
            Sql.FromE4(memberE4),
            Sql.FromE4(unclaimedE4),
            groups,
            Pareto(buyers, memberE4));
    }

    private SalesScan ScanSalesOnOwnConnection(long lo, long hi, DateTimeOffset from, DateTimeOffset to, long maxCustomerId)
    {
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: true);
        return ScanSales(c, tx, lo, hi, from, to, maxCustomerId);
    }

    /// <summary>Sales with lo &lt; id ≤ hi in the window (from, to].</summary>
    private static SalesScan ScanSales(SqliteConnection c, SqliteTransaction tx, long lo, long hi, DateTimeOffset from, DateTimeOffset to, long maxCustomerId)
    {
        var scan = new SalesScan(new int[maxCustomerId + 1], new long[maxCustomerId + 1], []);
        using var cmd = Sql.Command(
            c,
            tx,
            "SELECT customer_id, kind = 'sale', total_e4 FROM sales NOT INDEXED WHERE id > $lo AND id <= $hi AND at > $from AND at <= $to",
            ("$lo", lo),
            ("$hi", hi),
            ("$from", Sql.Time(from)),
            ("$to", Sql.Time(to)));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var isSale = r.GetInt64(1) != 0;
            var total = r.GetInt64(2);
            if (isSale)
            {
                CountOne(scan.Baskets, total);
            }

            if (r.IsDBNull(0))
            {
                scan.UnclaimedE4 += total;
                continue;
            }

            var id = r.GetInt64(0);
            if (id > maxCustomerId)
            {
                continue; // a customer enrolled after this snapshot began
            }

            scan.Spend[id] += total;
            if (isSale)
            {
                scan.Visits[id]++;
            }
        }

        return scan;
    }

    /// <summary>One customer's segment, by the same rules: their own window totals plus the shop's median basket.</summary>
    public CustomerSegment? SegmentOf(CustomerId id, SegmentThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var now = time.GetUtcNow();
        var from = now.AddMonths(-thresholds.WindowMonths);
        using var c = database.OpenConnection();
        using var tx = c.BeginTransaction(deferred: true);
        var seen = Sql.Scalar<long?>(
            c,
            tx,
            "SELECT COALESCE(last_visit_at, enrolled_at) >= $cut FROM customers WHERE id = $id AND erased_at IS NULL AND merged_into IS NULL",
            ("$cut", Sql.Time(now.AddMonths(-thresholds.FormerAfterMonths))),
            ("$id", id.Value));
        if (seen is null)
        {
            return null;
        }

        long visits;
        long spendE4;
        using (var cmd = Sql.Command(
            c,
            tx,
            "SELECT COALESCE(SUM(kind = 'sale'), 0), COALESCE(SUM(total_e4), 0) FROM sales WHERE customer_id = $id AND at > $from AND at <= $to",
            ("$id", id.Value),
            ("$from", Sql.Time(from)),
            ("$to", Sql.Time(now))))
        using (var r = cmd.ExecuteReader())
        {
            r.Read();
            visits = r.GetInt64(0);
            spendE4 = r.GetInt64(1);
        }

        var median = MedianBasketE4(c, tx, from, now);
        tx.Commit();
        return thresholds.Classify(seen.Value != 0, visits, spendE4, median);
    }

    /// <summary>The median sale total (refunds excluded, unclaimed receipts included) in (from, to], in 1/10000 units.</summary>
    internal static long MedianBasketE4(SqliteConnection c, SqliteTransaction? tx, DateTimeOffset from, DateTimeOffset to)
    {
        var baskets = new Dictionary<long, long>();
        using var cmd = Sql.Command(c, tx, "SELECT total_e4 FROM sales WHERE kind = 'sale' AND at > $from AND at <= $to", ("$from", Sql.Time(from)), ("$to", Sql.Time(to)));
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            CountOne(baskets, r.GetInt64(0));
        }

        return Median(baskets, baskets.Values.Sum());
    }

    private static void CountOne(Dictionary<long, long> histogram, long value)
    {
        ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(histogram, value, out _);
        count++;
    }

    /// <summary>The middle value; with an even count, the mean of the two middle values (rounded down).</summary>
    private static long Median(Dictionary<long, long> histogram, long count)
    {
        if (count == 0)
        {
            return 0;
        }

        var lowRank = (count - 1) / 2; // 0-based ranks of the middle value(s)
        var highRank = count / 2;
        long? low = null;
        long seen = 0;
        foreach (var (value, n) in histogram.OrderBy(kv => kv.Key))
        {
            seen += n;
            if (low is null && seen > lowRank)
            {
                low = value;
            }

            if (seen > highRank)
            {
                return (low!.Value + value) / 2;
            }
        }

        return low ?? 0;
    }

    private static List<ParetoBand> Pareto(List<long> buyers, long totalE4)
    {
        buyers.Sort((a, b) => b.CompareTo(a));
        var n = buyers.Count;
        var top = (int)Math.Ceiling(n * 0.2);
        var next = (int)Math.Ceiling(n * 0.6) - top;
        var bands = new List<ParetoBand>();
        var start = 0;
        foreach (var (name, size) in new[] { ("top-20%", top), ("next-40%", next), ("rest", n - top - next) })
        {
            long sum = 0;
            for (var i = start; i < start + size; i++)
            {
                sum += buyers[i];
            }

            bands.Add(new ParetoBand(name, size, Sql.FromE4(sum), Share(sum, totalE4)));
            start += size;
        }

        return bands;
    }

    private static decimal Share(long part, long whole) => whole == 0 ? 0m : decimal.Round((decimal)part / whole, 4);

    private sealed record SalesScan(int[] Visits, long[] Spend, Dictionary<long, long> Baskets)
    {
        public long UnclaimedE4 { get; set; }
    }
}
