using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PosLoyalty.Drivers.Display;
using PosLoyalty.Drivers.Serial;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Devices;
using PosLoyalty.Service.Display;
using PosLoyalty.Service.Till;

namespace PosLoyalty.Service.Hosting;

/// <summary>
/// Greets on the customer's pole display (`Display:Device`): each till event becomes two lines of text
/// (<see cref="PoleDisplayText"/>). The display is opened by path and reopened when it comes back; events that
/// arrive while it is away are not replayed (a greeting is only worth showing now).
/// </summary>
public sealed class DisplayService(DisplayOptions options, TillEventHub hub, DeviceStatusBoard board, TimeProvider time, ILogger<DisplayService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = options.Device!;
        var protocol = options.Protocol == "EpsonDmD" ? PoleDisplayProtocol.EpsonDmD : PoleDisplayProtocol.Cd5220;
        var backoff = new Backoff(TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(5));
        using var events = hub.Subscribe();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var display = new PoleDisplay(PosixSerialPort.Open(path, new SerialPortSettings(options.BaudRate)), shouldDispose: true, protocol);
                await display.InitializeAsync(stoppingToken);
                board.Set(DeviceStatusBoard.Display, DeviceState.Ok, path);
                Log.DeviceOpened(logger, DeviceStatusBoard.Display, path);
                backoff.Reset();
                while (await events.Events.WaitToReadAsync(stoppingToken))
                {
                    while (events.Events.TryRead(out var tillEvent))
                    {
                        if (PoleDisplayText.For(tillEvent) is { } text)
                        {
                            await display.ShowLinesAsync(text.Upper, text.Lower, stoppingToken);
                        }
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                var wait = backoff.Next();
                board.Set(DeviceStatusBoard.Display, DeviceState.Absent, $"waiting for {path}: {ex.Message}");
                Log.DeviceUnavailable(logger, DeviceStatusBoard.Display, ex.GetType().Name, wait.TotalMilliseconds);
                try
                {
                    await Task.Delay(wait, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
