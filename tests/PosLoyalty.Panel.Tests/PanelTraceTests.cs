using Microsoft.Extensions.Time.Testing;
using PosLoyalty.Panel.App;
using PosLoyalty.Panel.Protocol;
using PosLoyalty.Panel.Tests.Support;

namespace PosLoyalty.Panel.Tests;

public sealed class PanelTraceTests
{
    [Fact]
    public void A_trace_line_names_the_event_type_and_its_hops_and_nothing_about_the_customer()
    {
        var path = Path.Combine(Path.GetTempPath(), "panel-trace-" + Guid.NewGuid().ToString("N") + ".txt");
        try
        {
            using (var trace = PanelTrace.ToFile(new FakeTimeProvider(Sample.Now), path))
            {
                trace.EventDone(new CustomerIdentifiedEvent(Sample.Anna), 1_000, 2_000, 3_000, 4_000);
                trace.EventDone(new ClockTickEvent(Sample.Now), 5_000, 6_000, drawStartNanoseconds: null, drawEndNanoseconds: null);
            }

            var lines = File.ReadAllLines(path);

            Assert.Equal(["CustomerIdentifiedEvent 1000 2000 3000 4000", "ClockTickEvent 5000 6000 - -"], lines);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Trace_timestamps_are_nanoseconds_of_the_injected_clock()
    {
        var clock = new FakeTimeProvider(Sample.Now);
        var path = Path.Combine(Path.GetTempPath(), "panel-trace-" + Guid.NewGuid().ToString("N") + ".txt");
        try
        {
            using var trace = PanelTrace.ToFile(clock, path);
            var before = trace.NowNanoseconds();
            clock.Advance(TimeSpan.FromMilliseconds(3));

            Assert.Equal(3_000_000, trace.NowNanoseconds() - before);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_trace_is_off_and_reads_no_clock_unless_it_names_a_file()
    {
        Assert.False(PanelTrace.Off.IsOn);
        Assert.Equal(0, PanelTrace.Off.NowNanoseconds());
    }
}
