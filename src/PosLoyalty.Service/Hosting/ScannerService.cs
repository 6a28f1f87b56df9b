using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PosLoyalty.Drivers.Scanner;
using PosLoyalty.Drivers.Serial;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Devices;
using PosLoyalty.Service.Till;

namespace PosLoyalty.Service.Hosting;

/// <summary>
/// Reads the loyalty scanner and hands every scan to the till session. The device is opened by path each
/// time, so a udev symlink re-pointed on replug is followed; when it vanishes the loop waits and reopens.
/// </summary>
public sealed class ScannerService(
    ScannerOptions options,
    TillSession session,
    DeviceStatusBoard board,
    TimeProvider time,
    ILogger<ScannerService> logger) : BackgroundService
{
    // A replugged scanner must be read again within 2 s (issue #6): the wait never exceeds 1 s.
    private readonly Backoff _backoff = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = options.Device!;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scanner = Open(path);
                board.Set(DeviceStatusBoard.Scanner, DeviceState.Ok, path);
                Log.DeviceOpened(logger, DeviceStatusBoard.Scanner, path);
                _backoff.Reset();
                while (!stoppingToken.IsCancellationRequested)
                {
                    var scan = await scanner.ReadAsync(stoppingToken);
                    Handle(scan);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or SerialPortException or EndOfStreamException or InvalidOperationException)
            {
                var wait = _backoff.Next();
                board.Set(DeviceStatusBoard.Scanner, DeviceState.Absent, $"waiting for {path}: {ex.Message}");
                Log.DeviceUnavailable(logger, DeviceStatusBoard.Scanner, ex.GetType().Name, wait.TotalMilliseconds);
                await Delay(wait, stoppingToken);
            }
        }
    }

    private IScanSource Open(string path)
    {
        if (options.IsKeyboardWedge)
        {
            return new ScanSource<EvdevKeyboardScanner>(EvdevKeyboardScanner.Open(path["evdev:".Length..], grab: true, timeProvider: time), (s, ct) => s.ReadAsync(ct));
        }

        var port = PosixSerialPort.Open(path, new SerialPortSettings(options.BaudRate));
        return new ScanSource<SerialScanner>(new SerialScanner(port, shouldDispose: true, timeProvider: time), (s, ct) => s.ReadAsync(ct));
    }

    private void Handle(Scan scan)
    {
        try
        {
            session.HandleScan(scan.Code);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The database refused (disk full, locked): the scan is lost, the scanner is not.
            Log.HandlingFailed(logger, ex, DeviceStatusBoard.Scanner);
        }
    }

    private async Task Delay(TimeSpan wait, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(wait, time, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }
}
