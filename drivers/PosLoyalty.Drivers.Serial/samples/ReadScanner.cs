// Sample: read a serial barcode scanner and survive it being unplugged.
// Not compiled with the driver (see the csproj); copy into a console app that references it.
using System.Text;
using PosLoyalty.Drivers.Serial;

var path = args.Length > 0 ? args[0] : "/dev/pos/scanner";
var settings = new SerialPortSettings(9600); // 9600 8N1, no flow control: what most scanners ship with
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

while (!stop.IsCancellationRequested)
{
    try
    {
        await using var port = PosixSerialPort.Open(path, settings);
        Console.WriteLine($"{path}: open at {port.ReadSettings()}");
        port.DiscardInput(); // drop half a scan left over from before we opened

        var buffer = new byte[256];
        while (true)
        {
            var count = await port.ReadAsync(buffer, stop.Token);
            Console.Write(Encoding.ASCII.GetString(buffer, 0, count).Replace("\r", "\n", StringComparison.Ordinal));
        }
    }
    catch (SerialPortDisconnectedException error)
    {
        Console.WriteLine($"unplugged: {error.Message}");
    }
    catch (SerialPortException error)
    {
        Console.WriteLine($"not available: {error.Message}"); // ENOENT until udev recreates the symlink
    }
    catch (OperationCanceledException)
    {
        break;
    }

    try
    {
        await Task.Delay(TimeSpan.FromSeconds(1), stop.Token); // then try the same path again
    }
    catch (OperationCanceledException)
    {
        break;
    }
}
