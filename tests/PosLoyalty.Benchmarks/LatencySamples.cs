using System.Diagnostics;
using System.Globalization;

namespace PosLoyalty.Benchmarks;

/// <summary>
/// Per-operation timings taken with <see cref="Stopwatch.GetTimestamp"/>, each optionally marked
/// (for the storage harness: "this commit ran a WAL checkpoint"); percentiles by nearest rank.
/// </summary>
internal sealed class LatencySamples(string name, int capacity)
{
    private readonly long[] ticks = new long[capacity];
    private readonly bool[] marked = new bool[capacity];

    public string Name { get; } = name;

    public int Count { get; private set; }

    public int MarkedCount => marked.AsSpan(0, Count).Count(true);

    public void Add(long startTimestamp, long endTimestamp, bool mark = false)
    {
        ticks[Count] = endTimestamp - startTimestamp;
        marked[Count] = mark;
        Count++;
    }

    public LatencySummary Summarise() => Summarise(Name, ticks.AsSpan(0, Count).ToArray());

    /// <summary>The same measurement restricted to the samples that were marked (or not).</summary>
    public LatencySummary? SummariseWhere(bool mark)
    {
        var subset = new List<long>(Count);
        for (var i = 0; i < Count; i++)
        {
            if (marked[i] == mark)
            {
                subset.Add(ticks[i]);
            }
        }

        return subset.Count == 0 ? null : Summarise(Name + (mark ? " (marked)" : " (unmarked)"), [.. subset]);
    }

    public void WriteCsv(string path)
    {
        using var w = new StreamWriter(path);
        w.WriteLine("op,index,ms,marked");
        for (var i = 0; i < Count; i++)
        {
            w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Name},{i},{ToMs(ticks[i]):F4},{(marked[i] ? 1 : 0)}"));
        }
    }

    private static double ToMs(long t) => t * 1000.0 / Stopwatch.Frequency;

    private static LatencySummary Summarise(string name, long[] sorted)
    {
        if (sorted.Length == 0)
        {
            throw new InvalidOperationException($"{name}: no samples");
        }

        Array.Sort(sorted);
        var n = sorted.Length;
        double Rank(double q) => ToMs(sorted[Math.Clamp((int)Math.Ceiling(q * n) - 1, 0, n - 1)]);
        var total = 0L;
        foreach (var t in sorted)
        {
            total += t;
        }

        return new LatencySummary(name, n, Rank(0.50), Rank(0.99), Rank(0.999), ToMs(sorted[^1]), ToMs(total) / n);
    }
}
