using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// A parsed printer device string (config key Printer:Device, CLI --device):
/// <c>/dev/usb/lp0</c>, <c>file:PATH</c>, <c>tcp://HOST[:PORT]</c> (port 9100 by default),
/// <c>serial:PATH</c> or a plain tty path (<c>/dev/ttyUSB0</c>, <c>/dev/serial/by-id/…</c>).
/// Any other plain path is a <see cref="PrinterDeviceKind.File"/>.
/// </summary>
public sealed partial record PrinterDevice
{
    /// <summary>The raw TCP printing port (HP JetDirect / AppSocket).</summary>
    public const int DefaultTcpPort = 9100;

    private PrinterDevice(PrinterDeviceKind kind, string? path, string? host, int port)
    {
        Kind = kind;
        Path = path;
        Host = host;
        Port = port;
    }

    /// <summary>How to reach the printer.</summary>
    public PrinterDeviceKind Kind { get; }

    /// <summary>The file or device path; null for TCP.</summary>
    public string? Path { get; }

    /// <summary>The host name or address; null unless TCP.</summary>
    public string? Host { get; }

    /// <summary>The TCP port; 0 unless TCP.</summary>
    public int Port { get; }

    /// <summary>Parses a device string.</summary>
    /// <exception cref="FormatException">The string names no device this driver can reach; the message says why.</exception>
    public static PrinterDevice Parse(string device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return TryParse(device, out var parsed, out var error) ? parsed : throw new FormatException(error);
    }

    /// <summary>Parses a device string without throwing.</summary>
    public static bool TryParse(string? device, [NotNullWhen(true)] out PrinterDevice? parsed) => TryParse(device, out parsed, out _);

    /// <summary>Parses a device string; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? device, [NotNullWhen(true)] out PrinterDevice? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        var text = device?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "Printer device is empty; expected /dev/usb/lp0, file:PATH, tcp://HOST:9100 or a tty path.";
            return false;
        }

        if (TcpDeviceAddress.IsTcp(text))
        {
            return TryParseTcp(text, out parsed, out error);
        }

        if (text.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return TryPath(text, "file:".Length, PrinterDeviceKind.File, out parsed, out error);
        }

        if (text.StartsWith("serial:", StringComparison.OrdinalIgnoreCase))
        {
            return TryPath(text, "serial:".Length, PrinterDeviceKind.Serial, out parsed, out error);
        }

        if (text.Contains("://", StringComparison.Ordinal) || !System.IO.Path.IsPathRooted(text))
        {
            error = $"Printer device \"{text}\" is neither an absolute path nor file:PATH, serial:PATH or tcp://HOST:PORT.";
            return false;
        }

        var kind = LinePrinterPath().IsMatch(text) ? PrinterDeviceKind.LinePrinter
            : SerialPath().IsMatch(text) ? PrinterDeviceKind.Serial
            : PrinterDeviceKind.File;
        parsed = new PrinterDevice(kind, text, null, 0);
        error = null;
        return true;
    }

    /// <summary>The canonical device string.</summary>
    public override string ToString() => Kind switch
    {
        PrinterDeviceKind.Tcp => TcpDeviceAddress.Format(Host!, Port),
        PrinterDeviceKind.File => "file:" + Path,
        PrinterDeviceKind.Serial => "serial:" + Path,
        _ => Path!,
    };

    private static bool TryPath(string text, int prefixLength, PrinterDeviceKind kind, out PrinterDevice? parsed, out string? error)
    {
        var path = text[prefixLength..];
        if (path.Length == 0)
        {
            parsed = null;
            error = $"Printer device \"{text}\" has no path after the prefix.";
            return false;
        }

        parsed = new PrinterDevice(kind, path, null, 0);
        error = null;
        return true;
    }

    private static bool TryParseTcp(string text, out PrinterDevice? parsed, out string? error)
    {
        parsed = null;
        if (!TcpDeviceAddress.TryParse(text, out var address, out var problem))
        {
            error = problem == TcpDeviceAddressProblem.MoreThanHostAndPort
                ? $"Printer device \"{text}\" has more than tcp://HOST[:PORT]."
                : $"Printer device \"{text}\" is not tcp://HOST[:PORT].";
            return false;
        }

        var port = address.Port ?? DefaultTcpPort;
        if (port is < 1 or > 65535)
        {
            error = $"Printer device \"{text}\" has port {port}; a TCP port is 1–65535.";
            return false;
        }

        parsed = new PrinterDevice(PrinterDeviceKind.Tcp, null, address.Address, port);
        error = null;
        return true;
    }

    [GeneratedRegex(@"^/dev/(usb/)?lp\d+$")]
    private static partial Regex LinePrinterPath();

    [GeneratedRegex(@"^/dev/(tty[A-Za-z]*\d+|serial/.+|rfcomm\d+)$")]
    private static partial Regex SerialPath();
}
