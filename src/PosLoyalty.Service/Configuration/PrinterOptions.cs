using PosLoyalty.Drivers.EscPos;

namespace PosLoyalty.Service.Configuration;

/// <summary>The `Printer` section: the receipt printer the tap feeds and coupons print on.</summary>
public sealed class PrinterOptions
{
    public const string Section = "Printer";

    /// <summary>A tty, /dev/usb/lp0, a file, or tcp://HOST:PORT (docs/configuration.md). Empty: no printer.</summary>
    public string? Device { get; set; }

    /// <summary>Characters per line in the normal font: 32 (58 mm paper), 42 or 48 (80 mm).</summary>
    public int Columns { get; set; } = 42;

    public CouponPlacement CouponPlacement { get; set; } = CouponPlacement.BeforeCut;

    /// <summary>
    /// How long the POS's cut is held for the sale's commit and the coupon it earns. Past it the cut goes on, and the
    /// coupon, already stored, prints on a slip of its own after the receipt.
    /// </summary>
    public TimeSpan CutWaitLimit { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Baud rate when the printer is on a serial port.</summary>
    public int BaudRate { get; set; } = 9600;

    /// <summary>The shop's name, printed large at the top of a coupon.</summary>
    public string ShopName { get; set; } = "Thank you!";

    /// <summary>Small print under every coupon.</summary>
    public string CouponTerms { get; set; } = "One use only. Not exchangeable for cash.";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Device);

    public IEnumerable<string> Validate()
    {
        if (IsConfigured)
        {
            if (!PrinterDevice.TryParse(Device!, out _, out var error))
            {
                yield return $"Printer:Device '{Device}' is not a printer device: {error} (allowed: a tty or file path, /dev/usb/lpN, tcp://HOST:PORT)";
            }
        }

        if (Columns is < 24 or > 64)
        {
            yield return $"Printer:Columns '{Columns}' must be between 24 and 64 (32 for 58 mm paper, 42 or 48 for 80 mm)";
        }

        if (CutWaitLimit < TimeSpan.FromMilliseconds(100) || CutWaitLimit > TimeSpan.FromMinutes(2))
        {
            yield return $"Printer:CutWaitLimit '{CutWaitLimit}' must be between 00:00:00.1 and 00:02:00";
        }

        if (BaudRate is < 50 or > 4_000_000)
        {
            yield return $"Printer:BaudRate '{BaudRate}' must be between 50 and 4000000";
        }

        if (string.IsNullOrWhiteSpace(ShopName) || ShopName.Length > 48)
        {
            yield return $"Printer:ShopName '{ShopName}' must be 1 to 48 characters";
        }
    }
}
