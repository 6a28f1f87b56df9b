using System.Globalization;

namespace PosLoyalty.Service.Till;

/// <summary>The `Till` configuration section (docs/configuration.md).</summary>
public sealed class TillOptions
{
    public const string Section = "Till";

    /// <summary>This till's id: part of every receipt's key, so two tills' receipt 1001 are two sales.</summary>
    public string Id { get; set; } = "till-1";

    /// <summary>How long a scanned customer stays at the counter with no sale completing.</summary>
    public TimeSpan ActiveCustomerTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after payment a card scan still claims the receipt nobody claimed.</summary>
    public TimeSpan LateScanWindow { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// A sale whose total (in the shop's currency) is above this waits for the cashier to confirm it, whichever way it
    /// came in (receipt tap or POS events); null: no limit (docs/adr/0010).
    /// </summary>
    public decimal? ConfirmSalesAbove { get; set; }

    /// <summary>
    /// Not a configuration key: true when `Printer:Device` is set (<see cref="Configuration.ServiceSettings"/> sets it), so the
    /// coupons a late scan earns wait in the print queue only where a printer will take them.
    /// </summary>
    public bool PrintCoupons { get; internal set; }

    /// <summary>Every problem with the values, each naming the key, the value and what is allowed.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(Id) || Id.Length > 64 || Id.Any(char.IsControl))
        {
            yield return $"Till:Id '{Id}' must be 1 to 64 printable characters";
        }

        if (ActiveCustomerTimeout < TimeSpan.FromSeconds(5) || ActiveCustomerTimeout > TimeSpan.FromHours(1))
        {
            yield return $"Till:ActiveCustomerTimeout '{ActiveCustomerTimeout}' must be between 00:00:05 and 01:00:00";
        }

        if (LateScanWindow < TimeSpan.Zero || LateScanWindow > TimeSpan.FromMinutes(30))
        {
            yield return $"Till:LateScanWindow '{LateScanWindow}' must be between 00:00:00 (off) and 00:30:00";
        }

        if (ConfirmSalesAbove is { } limit && (limit <= 0m || limit > 1_000_000m))
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"Till:ConfirmSalesAbove '{limit}' must be an amount above 0 and at most 1000000 in the shop's currency (leave it out for no limit)");
        }
    }
}
