using System.Diagnostics;
using PosLoyalty.Reliability.Infrastructure;

namespace PosLoyalty.Reliability.Abuse;

/// <summary>
/// The panel socket (customers' names, notes, manager commands) refuses a local user outside its group: the file mode
/// stops them at connect, and if the mode is ever loosened, the service's own peer check (SO_PEERCRED) still does.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PanelPeerTests : IDisposable
{
    private const string Nobody = "65534";
    private readonly FakeTcpPrinter printer = new();
    private readonly TillRig till;

    public PanelPeerTests() => till = TillRig.WithAnnaEnrolled(printer.Device);

    public void Dispose()
    {
        till.Dispose();
        printer.Dispose();
    }

    [RootFact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Panel_socket_refuses_a_peer_outside_its_group()
    {
        var socket = Path.Combine(till.Cli.Directory, "panel.sock");
        using var service = till.Start();
        service.WaitForLog("Panel socket listening on", TillRig.Patience);

        // Through the mode 0660: the kernel says no.
        var denied = ConnectAs(Nobody, socket);
        Assert.Contains("PermissionError", denied, StringComparison.Ordinal);

        // Loosened to 0666 (a wrong chmod): the connection is made, and the service closes it unserved.
        File.SetUnixFileMode(socket, (UnixFileMode)0b110_110_110);
        var seen = service.LogLineCount;
        var refused = ConnectAs(Nobody, socket);
        Assert.Contains("closed", refused, StringComparison.Ordinal);
        service.WaitForLog("Panel refused: uid 65534", TillRig.Patience, seen);
        Assert.DoesNotContain(service.Log.Split('\n').Skip(seen), l => l.Contains("Panel attached (uid 65534", StringComparison.Ordinal));
        Assert.False(service.HasExited, service.Log);
    }

    /// <summary>Connects as <paramref name="uid"/> with no groups and reads what the service sends; returns what happened.</summary>
    private static string ConnectAs(string uid, string socket)
    {
        const string Script = """
            import socket, sys
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            s.settimeout(20)
            try:
                s.connect(sys.argv[1])
            except PermissionError as e:
                print("PermissionError", e); sys.exit(0)
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
            print("closed after", len(data), "bytes")
            """;
        var start = new ProcessStartInfo("/usr/bin/setpriv") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--reuid=" + uid, "--regid=" + uid, "--clear-groups", "/usr/bin/python3", "-c", Script, socket })
        {
            start.ArgumentList.Add(a);
        }

        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(60_000), "the connecting process finished");
        p.WaitForExit();
        return stdout.Result + stderr.Result;
    }
}
