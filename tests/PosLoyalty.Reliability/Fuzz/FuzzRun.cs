using System.Diagnostics;
using System.Globalization;

namespace PosLoyalty.Reliability.Fuzz;

/// <summary>
/// Feeds cases to a target on a worker thread under a watchdog: a case that runs past the per-case timeout is a
/// hang (the test fails naming the case and saving its bytes); an exception escaping the target fails the test
/// with the case saved; the managed heap is sampled so unbounded growth shows.
/// </summary>
internal static class FuzzRun
{
    public static readonly TimeSpan PerCaseTimeout = TimeSpan.FromSeconds(60); // only catches a hang

    /// <summary>Runs until <paramref name="totalBytes"/> bytes were fed; returns (cases, bytes, peak heap bytes, duration).</summary>
    public static (long Cases, long Bytes, long PeakHeap, TimeSpan Duration) Run(string name, long totalBytes, Func<byte[]> nextCase, Action<byte[]> target)
    {
        long cases = 0;
        long bytes = 0;
        long peakHeap = 0;
        long caseStarted = 0;
        byte[]? current = null;
        Exception? escaped = null;
        var stopwatch = Stopwatch.StartNew();
        var worker = new Thread(() =>
        {
            try
            {
                while (Interlocked.Read(ref bytes) < totalBytes)
                {
                    var input = nextCase();
                    Volatile.Write(ref current, input);
                    Interlocked.Exchange(ref caseStarted, stopwatch.ElapsedTicks);
                    target(input);
                    Interlocked.Exchange(ref caseStarted, 0);
                    Interlocked.Add(ref bytes, input.Length);
                    cases++;
                    if ((cases & 63) == 0)
                    {
                        peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                    }
                }
            }
            catch (Exception ex)
            {
                escaped = ex;
            }
        })
        { IsBackground = true, Name = "fuzz " + name };
        worker.Start();

        while (!worker.Join(100))
        {
            var started = Interlocked.Read(ref caseStarted);
            if (started != 0 && Stopwatch.GetElapsedTime(0, stopwatch.ElapsedTicks - started) > PerCaseTimeout)
            {
                Assert.Fail($"{name}: one case ran longer than {PerCaseTimeout} (a hang); its bytes are in {Save(name, Volatile.Read(ref current))}");
            }
        }

        if (escaped is not null)
        {
            Assert.Fail($"{name}: {escaped.GetType().Name} escaped: {escaped.Message}; case saved to {Save(name, Volatile.Read(ref current))}\n{escaped}");
        }

        return (cases, bytes, peakHeap, stopwatch.Elapsed);
    }

    public static string Figures(string name, (long Cases, long Bytes, long PeakHeap, TimeSpan Duration) r) =>
        string.Create(CultureInfo.InvariantCulture, $"FIGURES fuzz {name}: bytes={r.Bytes} cases={r.Cases} peak-heap-MB={r.PeakHeap / 1048576.0:F1} duration-s={r.Duration.TotalSeconds:F1} exceptions=0 hangs=0");

    private static string Save(string name, byte[]? input)
    {
        var path = Path.Combine(Path.GetTempPath(), $"posloyalty-fuzz-{name}-{Guid.NewGuid():N}.bin");
        File.WriteAllBytes(path, input ?? []);
        return path;
    }
}
