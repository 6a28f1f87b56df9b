using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PosLoyalty.Benchmarks;

/// <summary>
/// Output: exactly one JSON object per line on stdout for each measurement (what scripts read),
/// progress and detail on stderr (what a person watches).
/// </summary>
internal static class Report
{
    public static void Latency(LatencySummary s, int customers)
    {
        Line(w =>
        {
            w.WriteString("name", s.Name);
            w.WriteNumber("n", s.N);
            w.WriteNumber("p50_ms", Math.Round(s.P50Ms, 4));
            w.WriteNumber("p99_ms", Math.Round(s.P99Ms, 4));
            w.WriteNumber("customers", customers);
        });
        Progress($"{s.Name}: n={s.N} p50={s.P50Ms:F4} ms p99={s.P99Ms:F4} ms p99.9={s.P999Ms:F4} ms max={s.MaxMs:F4} ms mean={s.MeanMs:F4} ms");
    }

    public static void Line(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }

        Console.Out.WriteLine(Encoding.UTF8.GetString(buffer.ToArray()));
        Console.Out.Flush();
    }

    public static void Progress(string message) =>
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {message}"));
}
