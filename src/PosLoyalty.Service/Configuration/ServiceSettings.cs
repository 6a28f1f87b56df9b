using Microsoft.Extensions.Configuration;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Service.Till;

namespace PosLoyalty.Service.Configuration;

/// <summary>
/// Every section the service reads (docs/configuration.md, ADR 0008), bound and validated before anything starts: an unknown
/// key, a value of the wrong type or out of range stops start-up with one line that names the key.
/// </summary>
public sealed record ServiceSettings(
    TillOptions Till,
    ScannerOptions Scanner,
    ReceiptTapOptions ReceiptTap,
    PrinterOptions Printer,
    PosEventsOptions PosEvents,
    DisplayOptions Display,
    PanelOptions Panel,
    BackupOptions Backup)
{
    /// <summary>When a sale waits for the cashier: `ReceiptTap:ConfirmBelowConfidence` and `Till:ConfirmSalesAbove`.</summary>
    public ReceiptConfirmationPolicy Confirmation => new(ReceiptTap.ConfirmBelowConfidence, Till.ConfirmSalesAbove);

    public static ServiceSettings Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var settings = new ServiceSettings(
            Bind<TillOptions>(configuration, TillOptions.Section, problems),
            Bind<ScannerOptions>(configuration, ScannerOptions.Section, problems),
            Bind<ReceiptTapOptions>(configuration, ReceiptTapOptions.Section, problems),
            Bind<PrinterOptions>(configuration, PrinterOptions.Section, problems),
            Bind<PosEventsOptions>(configuration, PosEventsOptions.Section, problems),
            Bind<DisplayOptions>(configuration, DisplayOptions.Section, problems),
            Bind<PanelOptions>(configuration, PanelOptions.Section, problems),
            Bind<BackupOptions>(configuration, BackupOptions.Section, problems));
        settings.Till.PrintCoupons = settings.Printer.IsConfigured;
        problems.AddRange(settings.Till.Validate());
        problems.AddRange(settings.Scanner.Validate());
        problems.AddRange(settings.ReceiptTap.Validate());
        problems.AddRange(settings.Printer.Validate());
        problems.AddRange(settings.PosEvents.Validate());
        problems.AddRange(settings.Display.Validate());
        problems.AddRange(settings.Panel.Validate());
        problems.AddRange(settings.Backup.Validate());
        if (problems.Count > 0)
        {
            throw new ServiceConfigurationException(string.Join("; ", problems));
        }

        return settings;
    }

    private static T Bind<T>(IConfiguration configuration, string section, List<string> problems)
        where T : new()
    {
        var options = new T();
        try
        {
            configuration.GetSection(section).Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(Describe(section, ex));
        }

        return options;
    }

    // The binder's messages name the key but run over several lines; one line is what store IT reads in journald.
    private static string Describe(string section, InvalidOperationException ex)
    {
        var message = (ex.InnerException is { } inner ? ex.Message + " " + inner.Message : ex.Message).ReplaceLineEndings(" ");
        if (message.Contains("Error: The configuration keys", StringComparison.Ordinal) || message.Contains("were not found", StringComparison.Ordinal))
        {
            return $"{section}: {message.Trim()} (see docs/configuration.md for the keys)";
        }

        return message.Trim();
    }
}
