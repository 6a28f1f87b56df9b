namespace PosLoyalty.Service.Tap;

/// <summary>How the tap reaches the real printer and buffers for it.</summary>
public sealed class PrinterLinkOptions
{
    /// <summary>The printer (config Printer:Device): /dev/usb/lp0, tcp://HOST:9100, a tty, file:PATH — PrinterDevice syntax.</summary>
    public required string Device { get; init; }

    /// <summary>Bits per second when <see cref="Device"/> is a serial port.</summary>
    public int SerialBaudRate { get; init; } = 9600;

    /// <summary>Where POS bytes are spooled while the printer is away and memory is full.</summary>
    public required string SpoolDirectory { get; init; }

    /// <summary>Bytes held in memory for the printer before spooling to disk.</summary>
    public long MemoryLimitBytes { get; init; } = SpillingByteQueue.DefaultMemoryLimitBytes;

    /// <summary>First wait after the printer could not be opened or a write failed.</summary>
    public TimeSpan FirstReconnectDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest wait between reconnect attempts.</summary>
    public TimeSpan MaximumReconnectDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one TCP connection attempt may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);
}
