namespace PosLoyalty.Drivers.Serial;

/// <summary>
/// Line settings for a serial port, e.g. <c>new SerialPortSettings(9600)</c> for 9600 8N1.
/// </summary>
/// <param name="BaudRate">
/// Bits per second as a plain number. Any rate in [<see cref="MinimumBaudRate"/>, <see cref="MaximumBaudRate"/>]
/// is passed to the kernel with BOTHER, including non-standard rates such as 31250; whether the UART can
/// generate it exactly is the USB-serial chip's business (the kernel picks the nearest divisor).
/// </param>
/// <param name="DataBits">5 to 8; POS devices use 7 or 8.</param>
/// <param name="Parity">Parity bit.</param>
/// <param name="StopBits">Stop bits.</param>
/// <param name="FlowControl">Handshake.</param>
public sealed record SerialPortSettings(
    int BaudRate,
    int DataBits = 8,
    Parity Parity = Parity.None,
    StopBits StopBits = StopBits.One,
    FlowControl FlowControl = FlowControl.None)
{
    /// <summary>B50, the slowest rate the tty layer knows.</summary>
    public const int MinimumBaudRate = 50;

    /// <summary>4 Mbit/s, B4000000, the fastest Bxxx constant; FTDI and CP210x chips stop at 3 Mbit/s.</summary>
    public const int MaximumBaudRate = 4_000_000;

    /// <summary>Conventional notation: <c>19200 7E2 RtsCts</c>.</summary>
    public override string ToString()
    {
        var parity = Parity switch
        {
            Parity.Odd => 'O',
            Parity.Even => 'E',
            _ => 'N',
        };
        var stopBits = StopBits == StopBits.Two ? 2 : 1;
        var text = $"{BaudRate} {DataBits}{parity}{stopBits}";
        return FlowControl == FlowControl.None ? text : $"{text} {FlowControl}";
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field the kernel would not take.</summary>
    internal void Validate()
    {
        if (BaudRate is < MinimumBaudRate or > MaximumBaudRate)
        {
            throw new ArgumentException(
                $"BaudRate {BaudRate} is outside {MinimumBaudRate}..{MaximumBaudRate}.", "settings");
        }

        if (DataBits is < 5 or > 8)
        {
            throw new ArgumentException($"DataBits {DataBits} is not 5, 6, 7 or 8.", "settings");
        }

        if (!Enum.IsDefined(Parity))
        {
            throw new ArgumentException($"Parity {(int)Parity} is not a defined value.", "settings");
        }

        if (!Enum.IsDefined(StopBits))
        {
            throw new ArgumentException($"StopBits {(int)StopBits} is not a defined value.", "settings");
        }

        if (!Enum.IsDefined(FlowControl))
        {
            throw new ArgumentException($"FlowControl {(int)FlowControl} is not a defined value.", "settings");
        }
    }
}
