using System.Runtime.InteropServices;

namespace PosLoyalty.Testing;

/// <summary>
/// Sends a signal other than SIGKILL to a child process (Process.Kill only sends SIGKILL): SIGTERM for a stop as
/// systemd does it, SIGINT for strace to write its summary.
/// </summary>
public static class ProcessSignal
{
    public const int Interrupt = 2; // SIGINT, signal(7)
    public const int Terminate = 15; // SIGTERM

    /// <summary>kill(2); throws with errno when the signal could not be sent.</summary>
    public static void Send(int pid, int signal)
    {
        if (TestLibc.Kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"kill({pid}, {signal}): {Marshal.GetLastPInvokeErrorMessage()}");
        }
    }
}
