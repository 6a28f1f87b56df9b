using System.Globalization;
using PosLoyalty.Panel.Protocol;

namespace PosLoyalty.Panel.App;

/// <summary>
/// Per-hop timestamps of each service event, for the latency benchmark: off unless the environment variable
/// <see cref="Variable"/> names a file. One line per event: its type, then nanoseconds on the injected clock's
/// timestamp (with the system clock on Linux that is CLOCK_MONOTONIC, the clock of Python's time.monotonic_ns) when
/// the pump read it, when the UI thread began to apply it, when its draw began and when the draw was written to the
/// terminal ("-" for the last two when the event changed nothing on screen). Event types only: nothing personal.
/// </summary>
public sealed class PanelTrace : IDisposable
{
    public const string Variable = "POSLOYALTY_PANEL_TRACE";

    private const long NanosecondsPerSecond = 1_000_000_000;

    private readonly TimeProvider _time;
    private readonly StreamWriter? _file;

    private PanelTrace(TimeProvider time, StreamWriter? file)
    {
        _time = time;
        _file = file;
    }

    public static PanelTrace Off { get; } = new(TimeProvider.System, null);

    public bool IsOn => _file is not null;

    /// <summary>The trace the environment asks for; <see cref="Off"/> when <see cref="Variable"/> is unset or empty.</summary>
    public static PanelTrace FromEnvironment(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var path = Environment.GetEnvironmentVariable(Variable);
        return string.IsNullOrEmpty(path) ? Off : ToFile(time, path);
    }

    /// <summary>A trace appended to <paramref name="path"/>.</summary>
    internal static PanelTrace ToFile(TimeProvider time, string path)
    {
        try
        {
            // Each line is flushed as it is written: the benchmark reads the file while the panel runs, and a panel
            // killed with its tmux server flushes nothing at exit.
            return new PanelTrace(time, new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{Variable}: cannot open the trace file '{path}' for writing: {e.Message}", e);
        }
    }

    /// <summary>Now, in nanoseconds of the clock's timestamp; 0 when the trace is off (nothing is read then).</summary>
    public long NowNanoseconds()
    {
        if (_file is null)
        {
            return 0;
        }

        // Exact in 128 bits. A clock counting from year 1 (a FakeTimeProvider) overflows 64 bits of nanoseconds; the
        // cast keeps the low 64 bits, so differences, all the benchmark reads, stay exact.
        var ticks = _time.GetTimestamp();
        var frequency = _time.TimestampFrequency;
        return frequency == NanosecondsPerSecond ? ticks : unchecked((long)((Int128)ticks * NanosecondsPerSecond / frequency));
    }

    public void EventDone(PanelEvent panelEvent, long receivedNanoseconds, long applyingNanoseconds, long? drawStartNanoseconds, long? drawEndNanoseconds)
    {
        if (_file is null)
        {
            return;
        }

        _file.WriteLine(string.Join(
            ' ',
            panelEvent.GetType().Name,
            receivedNanoseconds.ToString(CultureInfo.InvariantCulture),
            applyingNanoseconds.ToString(CultureInfo.InvariantCulture),
            drawStartNanoseconds?.ToString(CultureInfo.InvariantCulture) ?? "-",
            drawEndNanoseconds?.ToString(CultureInfo.InvariantCulture) ?? "-"));
    }

    public void Dispose()
    {
        if (!ReferenceEquals(this, Off))
        {
            _file?.Dispose();
        }
    }
}
