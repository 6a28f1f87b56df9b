using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PosLoyalty.Drivers.EscPos;

/// <summary>
/// The one parser of <c>tcp://HOST[:PORT]</c> device strings (Printer:Device, ReceiptTap:Input, PosEvents:Listen).
/// <paramref name="Host"/> is as written (an IPv6 literal keeps its brackets, for messages); <paramref name="Address"/>
/// is what a socket binds or connects to; <paramref name="Port"/> is null when none was written.
/// </summary>
public readonly record struct TcpDeviceAddress(string Host, string Address, int? Port)
{
    public const string Scheme = "tcp://";

    /// <summary>Whether <paramref name="text"/> names a TCP device at all (it starts with tcp://, any case).</summary>
    public static bool IsTcp([NotNullWhen(true)] string? text) => text?.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// The canonical <c>tcp://HOST:PORT</c> for a host and port, the inverse of <see cref="TryParse"/>: an IPv6 address
    /// (it holds a colon) goes in brackets, as a URI needs.
    /// </summary>
    public static string Format(string host, int port) => host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[')
        ? string.Create(CultureInfo.InvariantCulture, $"{Scheme}[{host}]:{port}")
        : string.Create(CultureInfo.InvariantCulture, $"{Scheme}{host}:{port}");

    public static bool TryParse(string text, out TcpDeviceAddress address, out TcpDeviceAddressProblem problem)
    {
        address = default;
        if (!IsTcp(text) || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            problem = TcpDeviceAddressProblem.NotAnAddress;
            return false;
        }

        if (uri.AbsolutePath is not ("/" or "") || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            problem = TcpDeviceAddressProblem.MoreThanHostAndPort;
            return false;
        }

        // Uri reports -1 when the port is left out and 0 only when it was written as 0.
        address = new TcpDeviceAddress(uri.Host, uri.IdnHost, uri.IsDefaultPort ? null : uri.Port);
        problem = TcpDeviceAddressProblem.None;
        return true;
    }
}
