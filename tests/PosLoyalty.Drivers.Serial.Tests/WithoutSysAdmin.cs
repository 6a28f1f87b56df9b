using System.Runtime.InteropServices;

namespace PosLoyalty.Drivers.Serial.Tests;

/// <summary>
/// Runs code on a fresh thread whose effective capability set lacks CAP_SYS_ADMIN, so TIOCEXCL
/// applies to it as it does to the unprivileged service user. Capabilities are per-thread (capabilities(7)),
/// so the rest of the test process keeps its own.
/// </summary>
internal static unsafe class WithoutSysAdmin
{
    public static T Run<T>(Func<T> action)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                var header = new TestNative.CapHeader { Version = TestNative.CapabilityVersion3, Pid = 0 };
                var data = stackalloc TestNative.CapData[2];
                if (TestNative.Capget(&header, data) != 0)
                {
                    throw new InvalidOperationException($"capget: {Marshal.GetLastPInvokeErrorMessage()}");
                }

                var original = data[0].Effective;
                data[0].Effective &= ~(1u << TestNative.CapSysAdmin);
                if (TestNative.Capset(&header, data) != 0)
                {
                    throw new InvalidOperationException($"capset: {Marshal.GetLastPInvokeErrorMessage()}");
                }

                try
                {
                    result = action();
                }
                finally
                {
                    // Raise it again (still permitted) so the runtime never reuses a crippled thread.
                    data[0].Effective = original;
                    _ = TestNative.Capset(&header, data);
                }
            }
#pragma warning disable CA1031 // Rethrown on the calling thread below.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                failure = exception;
            }
        });
        thread.Start();
        if (!thread.Join(TimeSpan.FromSeconds(10)))
        {
            throw new TimeoutException("The thread without CAP_SYS_ADMIN did not finish.");
        }

        if (failure is not null)
        {
            throw new InvalidOperationException("The action without CAP_SYS_ADMIN failed.", failure);
        }

        return result;
    }

    /// <summary>Whether this process may bypass TIOCEXCL (root in most containers, CAP_SYS_ADMIN in effect).</summary>
    public static bool ProcessHasSysAdmin()
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("CapEff:", StringComparison.Ordinal));
        var mask = Convert.ToUInt64(line["CapEff:".Length..].Trim(), 16);
        return (mask & (1UL << TestNative.CapSysAdmin)) != 0;
    }
}
