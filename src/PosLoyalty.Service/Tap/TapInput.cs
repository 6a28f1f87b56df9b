using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using PosLoyalty.Drivers.EscPos;
using PosLoyalty.Drivers.Serial;

namespace PosLoyalty.Service.Tap;

/// <summary>
/// The parsed value of <c>ReceiptTap:Input</c> (docs/configuration.md). Accepted forms:
/// <list type="bullet">
/// <item><c>tcp://HOST:PORT</c> — listen there (<c>tcp://0.0.0.0:9100</c>); port 0 picks a free port (tests).</item>
/// <item><c>/dev/g_printer0</c> (any <c>/dev/g_printer*</c>) — USB printer gadget.</item>
/// <item><c>serial:PATH</c> or any other path under <c>/dev/</c> (<c>/dev/ttyUSB0</c>, <c>/dev/serial/by-id/…</c>,
/// the udev name <c>/dev/pos/pos-in</c>) — a serial port at <see cref="BaudRate"/>.</item>
/// <item><c>file:PATH</c> or an absolute path outside <c>/dev/</c> — a FIFO or capture file, read only.</item>
/// </list>
/// </summary>
public sealed record TapInput
{
    /// <summary>The configuration key this value comes from, named in every error.</summary>
    public const string ConfigurationKey = "ReceiptTap:Input";

    /// <summary>The baud rate of a serial input when none is configured.</summary>
    public const int DefaultBaudRate = 9600;

    private const string Allowed =
        "allowed: a serial tty path (/dev/ttyUSB0, /dev/serial/by-id/…, serial:PATH), tcp://HOST:PORT to listen on, " +
        "a USB printer gadget /dev/g_printer0, or a FIFO/file (file:PATH or an absolute path outside /dev)";

    private TapInput(TapInputKind kind, string? path, string? host, int port, int baudRate)
    {
        Kind = kind;
        Path = path;
        Host = host;
        Port = port;
        BaudRate = baudRate;
    }

    /// <summary>What kind of input.</summary>
    public TapInputKind Kind { get; }

    /// <summary>The device, FIFO or file path; null for TCP.</summary>
    public string? Path { get; }

    /// <summary>The address to listen on; null unless TCP.</summary>
    public string? Host { get; }

    /// <summary>The port to listen on (0: any free port); 0 unless TCP.</summary>
    public int Port { get; }

    /// <summary>Bits per second of a serial input; 0 for the others.</summary>
    public int BaudRate { get; }

    /// <summary>Whether printer replies can be sent back to the POS on this input.</summary>
    public bool HasBackChannel => Kind != TapInputKind.File;

    /// <summary>Parses a configured value.</summary>
    /// <param name="value">The value of <c>ReceiptTap:Input</c>.</param>
    /// <param name="baudRate">Used for a serial input.</param>
    /// <exception cref="FormatException">The message names <c>ReceiptTap:Input</c>, the value and what is allowed.</exception>
    public static TapInput Parse(string? value, int baudRate = DefaultBaudRate) =>
        TryParse(value, baudRate, out var input, out var error) ? input : throw new FormatException(error);

    /// <summary>Parses a configured value; on failure <paramref name="error"/> names the key, the value and what is allowed.</summary>
    public static bool TryParse(string? value, int baudRate, [NotNullWhen(true)] out TapInput? input, [NotNullWhen(false)] out string? error)
    {
        input = null;
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = $"{ConfigurationKey} is empty; {Allowed}.";
            return false;
        }

        if (TcpDeviceAddress.IsTcp(text))
        {
            return TryParseTcp(text, out input, out error);
        }

        TapInputKind kind;
        string path;
        if (text.StartsWith("serial:", StringComparison.OrdinalIgnoreCase))
        {
            kind = TapInputKind.Serial;
            path = text["serial:".Length..];
        }
        else if (text.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            kind = TapInputKind.File;
            path = text["file:".Length..];
        }
        else if (text.StartsWith("/dev/g_printer", StringComparison.Ordinal))
        {
            kind = TapInputKind.PrinterGadget;
            path = text;
        }
        else if (text.StartsWith("/dev/", StringComparison.Ordinal))
        {
            kind = TapInputKind.Serial;
            path = text;
        }
        else
        {
            kind = TapInputKind.File;
            path = text;
        }

        if (text.Contains("://", StringComparison.Ordinal) || !System.IO.Path.IsPathRooted(path) || path.EndsWith('/'))
        {
            error = $"{ConfigurationKey} \"{text}\" is not a device, FIFO or file path, nor tcp://HOST:PORT; {Allowed}.";
            return false;
        }

        if (kind == TapInputKind.Serial && baudRate is < SerialPortSettings.MinimumBaudRate or > SerialPortSettings.MaximumBaudRate)
        {
            error = string.Create(
                CultureInfo.InvariantCulture,
                $"{ConfigurationKey} \"{text}\" is a serial port, but its baud rate {baudRate} is outside {SerialPortSettings.MinimumBaudRate}–{SerialPortSettings.MaximumBaudRate}.");
            return false;
        }

        input = new TapInput(kind, path, null, 0, kind == TapInputKind.Serial ? baudRate : 0);
        error = null;
        return true;
    }

    /// <summary>The canonical form.</summary>
    public override string ToString() => Kind switch
    {
        TapInputKind.TcpListen => TcpDeviceAddress.Format(Host!, Port),
        TapInputKind.Serial => string.Create(CultureInfo.InvariantCulture, $"serial:{Path} @ {BaudRate} baud"),
        TapInputKind.File => "file:" + Path,
        _ => Path!,
    };

    private static bool TryParseTcp(string text, out TapInput? input, out string? error)
    {
        input = null;
        if (!TcpDeviceAddress.TryParse(text, out var address, out _))
        {
            error = $"{ConfigurationKey} \"{text}\" is not tcp://HOST:PORT (e.g. tcp://0.0.0.0:9100); {Allowed}.";
            return false;
        }

        // A listening port must be said: a tap that silently took 9100 could clash with a local printer service.
        if (address.Port is not { } port)
        {
            error = $"{ConfigurationKey} \"{text}\" has no port; write tcp://{address.Host}:9100 to listen on the printer port.";
            return false;
        }

        input = new TapInput(TapInputKind.TcpListen, null, address.Address, port, 0);
        error = null;
        return true;
    }
}
