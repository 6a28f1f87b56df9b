// Not compiled (see the csproj): shows how a hosted service drives the scanner drivers.
using PosLoyalty.Drivers.Scanner;

var options = new ScanFramerOptions
{
    InterByteTimeout = TimeSpan.FromMilliseconds(300),
    DebounceWindow = TimeSpan.FromMilliseconds(750),
};

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };

// Keyboard wedge: grab the node so scans do not also land in the console.
await using var wedge = EvdevKeyboardScanner.Open("/dev/input/by-id/usb-Honeywell_Scanner-event-kbd", grab: true, options);

// Serial: any Stream works, e.g. a tty opened by PosLoyalty.Drivers.Serial, or a capture file:
// await using var serial = new SerialScanner(File.OpenRead("capture.bin"), shouldDispose: true, options);

long lastOversize = 0;
while (!cts.IsCancellationRequested)
{
    Scan scan;
    try
    {
        scan = await wedge.ReadAsync(cts.Token);
    }
    catch (OperationCanceledException)
    {
        break;
    }
    catch (EndOfStreamException)
    {
        Console.Error.WriteLine("scanner unplugged; a service would wait for the node and reopen it");
        break;
    }

    Console.WriteLine($"{scan.At:HH:mm:ss.fff} {scan.Symbology,-14} {scan.Code.Replace("\u001D", "<GS>", StringComparison.Ordinal)}");

    if (wedge.Framer.OversizeFramesDropped != lastOversize)
    {
        lastOversize = wedge.Framer.OversizeFramesDropped;
        Console.Error.WriteLine($"dropped oversize frames so far: {lastOversize}");
    }
}
