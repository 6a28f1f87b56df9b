namespace PosLoyalty.Drivers.EscPos;

/// <summary>One recognised unit of printer-to-host traffic and its bytes, exactly as received.</summary>
public sealed class PrinterReply
{
    /// <summary>A reply of a kind with its bytes (copied).</summary>
    public PrinterReply(PrinterReplyKind kind, ReadOnlySpan<byte> bytes)
    {
        Kind = kind;
        Bytes = bytes.ToArray();
    }

    /// <summary>What it is.</summary>
    public PrinterReplyKind Kind { get; }

    /// <summary>The bytes as received.</summary>
    public ReadOnlyMemory<byte> Bytes { get; }

    /// <summary>The status an ASB block reports; null for other kinds.</summary>
    public PrinterStatus? AutomaticStatus => Kind == PrinterReplyKind.AutomaticStatus ? PrinterStatus.FromAutomaticStatus(Bytes.Span) : null;

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Convert.ToHexString(Bytes.Span)}";
}
