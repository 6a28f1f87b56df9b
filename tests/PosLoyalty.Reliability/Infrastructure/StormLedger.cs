using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace PosLoyalty.Reliability.Infrastructure;

/// <summary>
/// What a storm of sales sent and what was acknowledged, and the check that the file agrees: every acknowledged
/// receipt present exactly once with all its items, every receipt present at all present whole, no receipt twice.
/// </summary>
internal sealed class StormLedger
{
    private readonly ConcurrentDictionary<string, int> sent = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> acknowledged = new(StringComparer.Ordinal);

    public int Acknowledged => acknowledged.Count;

    public int Sent => sent.Count;

    /// <summary>Notes a receipt about to be sent with <paramref name="items"/> item lines.</summary>
    public void Sending(string receipt, int items) => sent[receipt] = items;

    public void Acknowledge(string receipt) => acknowledged[receipt] = true;

    public bool IsAcknowledged(string receipt) => acknowledged.ContainsKey(receipt);

    /// <summary>Returns the figures (lost, duplicated, partial) and asserts they are all zero.</summary>
    public (int Lost, int Duplicated, int Partial, int Present) AssertAgrees(string databasePath, string till)
    {
        var counts = new Dictionary<string, (long Rows, long Items)>(StringComparer.Ordinal);
        using (var c = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                SELECT s.receipt_number, COUNT(DISTINCT s.id), COUNT(i.line)
                FROM sales s LEFT JOIN sale_items i ON i.sale_id = s.id
                WHERE s.till_id = $t AND s.kind = 'sale' GROUP BY s.receipt_number
                """;
            cmd.Parameters.AddWithValue("$t", till);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                counts[r.GetString(0)] = (r.GetInt64(1), r.GetInt64(2));
            }
        }

        var lost = acknowledged.Keys.Where(k => !counts.ContainsKey(k)).ToList();
        var duplicated = counts.Where(kv => kv.Value.Rows > 1).Select(kv => kv.Key).ToList();
        var partial = counts.Where(kv => sent.TryGetValue(kv.Key, out var items) && kv.Value.Items != items).Select(kv => $"{kv.Key} ({kv.Value.Items} of {sent[kv.Key]} items)").ToList();
        var unknown = counts.Keys.Where(k => !sent.ContainsKey(k)).ToList();
        Assert.True(lost.Count == 0, $"acknowledged but lost: {string.Join(", ", lost.Take(20))}");
        Assert.True(duplicated.Count == 0, $"present more than once: {string.Join(", ", duplicated.Take(20))}");
        Assert.True(partial.Count == 0, $"half-written: {string.Join(", ", partial.Take(20))}");
        Assert.True(unknown.Count == 0, $"never sent: {string.Join(", ", unknown.Take(20))}");
        return (lost.Count, duplicated.Count, partial.Count, counts.Count);
    }
}
