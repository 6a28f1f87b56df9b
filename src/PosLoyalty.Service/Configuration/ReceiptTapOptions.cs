using System.Globalization;
using PosLoyalty.Domain.Receipts;

namespace PosLoyalty.Service.Configuration;

/// <summary>The `ReceiptTap` section: where the POS's printer bytes come in.</summary>
public sealed class ReceiptTapOptions
{
    public const string Section = "ReceiptTap";

    /// <summary>A tty, /dev/g_printer0, a FIFO or file, or tcp://HOST:PORT to listen on. Empty: no tap.</summary>
    public string? Input { get; set; }

    /// <summary>The receipt profile: a built-in name (default, star) or a file in kiosk-config/receipt-profiles.</summary>
    public string Profile { get; set; } = "default";

    /// <summary>The printer's start-up code page (437, 850, 852, 858, 1252 …): a printer setting the bytes do not show.</summary>
    public int CodePage { get; set; } = 437;

    /// <summary>Baud rate when the POS is on a serial port.</summary>
    public int BaudRate { get; set; } = 9600;

    /// <summary>Where the POS's bytes are spilled while the printer is away and memory is full.</summary>
    public string? SpoolDirectory { get; set; }

    /// <summary>Bytes held in memory for an absent printer before spilling to disk.</summary>
    public int MemoryBufferBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>A sale the reader is less sure of than this (0–1) waits for the cashier instead of being credited (docs/adr/0010).</summary>
    public double ConfirmBelowConfidence { get; set; } = ReceiptConfirmationPolicy.DefaultConfirmBelowConfidence;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Input);

    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Profile))
        {
            yield return "ReceiptTap:Profile is empty (allowed: default, star, or a profile file name)";
        }

        if (BaudRate is < 50 or > 4_000_000)
        {
            yield return $"ReceiptTap:BaudRate '{BaudRate}' must be between 50 and 4000000";
        }

        if (MemoryBufferBytes is < 64 * 1024 or > 256 * 1024 * 1024)
        {
            yield return $"ReceiptTap:MemoryBufferBytes '{MemoryBufferBytes}' must be between 65536 and 268435456";
        }

        if (double.IsNaN(ConfirmBelowConfidence) || ConfirmBelowConfidence is < 0d or > 1d)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"ReceiptTap:ConfirmBelowConfidence '{ConfirmBelowConfidence}' must be between 0 (never ask) and 1 (ask unless certain)");
        }
    }
}
