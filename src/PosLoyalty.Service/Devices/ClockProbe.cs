using PosLoyalty.Service.Interop;

namespace PosLoyalty.Service.Devices;

/// <summary>
/// Is the clock right? A Raspberry Pi has no real-time clock: until NTP answers after boot it runs from the time
/// fake-hwclock saved at the last shutdown, so sales, expiry dates and the late-scan window would be off.
/// </summary>
/// <remarks>
/// Reads the kernel's NTP state with adjtimex(2) (modes 0: reads, changes nothing): TIME_ERROR while STA_UNSYNC
/// is set. That is the very flag `timedatectl show -p NTPSynchronized` reports (systemd-timedated asks adjtimex
/// too), without needing D-Bus or timedated, which a container or a minimal image may lack. systemd-timesyncd and
/// chrony both clear STA_UNSYNC once synchronised (chrony with its default rtcsync).
/// </remarks>
public sealed class ClockProbe(TimeProvider time)
{
    /// <summary>Earlier than this, the clock has certainly not been set (the code did not exist yet).</summary>
    private static readonly DateTimeOffset Plausible = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public ClockReport Check()
    {
        var now = time.GetUtcNow();
        var problems = new List<string>();
        bool? synchronized;
        var state = Libc.ClockState();
        if (state < 0)
        {
            synchronized = null;
        }
        else
        {
            synchronized = state != Libc.TimeError;
        }

        if (now < Plausible)
        {
            problems.Add($"the clock says {now:yyyy-MM-dd HH:mm} UTC, which cannot be right: set it (sudo timedatectl set-time 'YYYY-MM-DD HH:MM') and give the till network time or an RTC (docs/deploy.md, The clock)");
        }
        else if (synchronized == false)
        {
            problems.Add("the clock is not synchronised (kernel STA_UNSYNC): sales are stamped with this clock; enable network time (sudo timedatectl set-ntp true; systemctl status systemd-timesyncd or chronyc tracking) or fit an RTC such as a DS3231 (docs/deploy.md, The clock)");
        }

        return new ClockReport(now, synchronized, synchronized is null ? "adjtimex(2) unavailable" : "adjtimex(2)", problems);
    }
}
