using Microsoft.Extensions.Logging;
using PosLoyalty.Drivers.Serial;
using PosLoyalty.Service.Hosting;
using PosLoyalty.Service.Interop;

namespace PosLoyalty.Service.Tap;

/// <summary>
/// A serial port, USB printer gadget, FIFO or capture file as a source of POS links. Each
/// <see cref="AcceptAsync"/> opens the path again, so a USB-serial adapter unplugged and plugged back (same udev
/// name) is picked up; while the path cannot be opened it retries with a backoff from 100 ms to 2 s. A regular file
/// is read once, to its end.
/// </summary>
public sealed class DevicePosLinkSource : IPosLinkSource
{
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaximumRetryDelay = TimeSpan.FromSeconds(2);

    private readonly TapInput _input;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private bool _fileRead;

    /// <summary>A source for a non-TCP input.</summary>
    public DevicePosLinkSource(TapInput input, TimeProvider timeProvider, ILogger<DevicePosLinkSource> logger)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        if (input.Kind == TapInputKind.TcpListen)
        {
            throw new ArgumentException($"{TapInput.ConfigurationKey} {input} is a TCP listener; use {nameof(TcpPosLinkListener)}.", nameof(input));
        }

        _input = input;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Name => _input.ToString();

    /// <inheritdoc />
    public async ValueTask<IPosLink?> AcceptAsync(CancellationToken cancellationToken)
    {
        var backoff = new Backoff(FirstRetryDelay, MaximumRetryDelay);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_fileRead)
            {
                return null;
            }

            try
            {
                return Open();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                TimeSpan delay = backoff.Next();
                _logger.TapInputOpenFailed(Name, e.Message, delay);
                await Task.Delay(delay, _timeProvider, cancellationToken);
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <inheritdoc />
    public override string ToString() => Name;

    private StreamPosLink Open()
    {
        string path = _input.Path!;
        switch (_input.Kind)
        {
            case TapInputKind.Serial:
                // SerialPortException is an IOException: missing, EACCES (group dialout), EBUSY, not a tty.
                var port = PosixSerialPort.Open(path, new SerialPortSettings(_input.BaudRate));
                return new StreamPosLink(port, path, hasBackChannel: true);
            case TapInputKind.PrinterGadget:
                return new StreamPosLink(NonBlockingFileStream.Open(path, readWrite: true, canWrite: true), path, hasBackChannel: true);
            default:
                (bool _, bool isRegularFile) = Libc.GetFileType(path);
                if (isRegularFile)
                {
                    _fileRead = true;
                    return new StreamPosLink(NonBlockingFileStream.Open(path, readWrite: false, canWrite: false), path, hasBackChannel: false);
                }

                // A FIFO: O_RDWR keeps it open across POS writers; nothing is ever written to it.
                return new StreamPosLink(NonBlockingFileStream.Open(path, readWrite: true, canWrite: false), path, hasBackChannel: false);
        }
    }
}
