using Microsoft.Extensions.Configuration;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Service.Till;

namespace PosLoyalty.Service.Configuration;

/// <summary>
/// Every section the service reads (docs/configuration.md, ADR 0008), bound and validated before anything starts: an unknown
/// key or section (named with the layer it came from and the nearest known name), a value of the wrong type or out
/// of range, or a combination the service cannot run (a tap with no printer) stops start-up with one line that names
/// the key. `run` and `doctor` both load settings here, so they cannot disagree.
/// </summary>
public sealed record ServiceSettings(
    StorageOptions Storage,
    LoyaltyOptions Loyalty,
    TillOptions Till,
    ScannerOptions Scanner,
    ReceiptTapOptions ReceiptTap,
    PrinterOptions Printer,
    PosEventsOptions PosEvents,
    DisplayOptions Display,
    PanelOptions Panel,
    BackupOptions Backup)
{
    /// <summary>Environment variables with this prefix are configuration (`POSLOYALTY__Scanner__Device`); no others are read.</summary>
    public const string EnvironmentPrefix = "POSLOYALTY__";

    /// <summary>Top-level sections owned by Microsoft.Extensions that the host reads; their keys are not ours to check.</summary>
    private static readonly string[] HostSections = ["Logging"];

    /// <summary>Every top-level section a configuration may hold.</summary>
    public static IReadOnlyList<string> KnownSections { get; } =
    [
        StorageOptions.Section, TillOptions.Section, ScannerOptions.Section, ReceiptTapOptions.Section, PrinterOptions.Section,
        PosEventsOptions.Section, DisplayOptions.Section, PanelOptions.Section, LoyaltyOptions.Section, BackupOptions.Section, ChainOptions.Section,
        .. HostSections,
    ];

    /// <summary>When a sale waits for the cashier: `ReceiptTap:ConfirmBelowConfidence` and `Till:ConfirmSalesAbove`.</summary>
    public ReceiptConfirmationPolicy Confirmation => new(ReceiptTap.ConfirmBelowConfidence, Till.ConfirmSalesAbove);

    public static ServiceSettings Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        foreach (var section in configuration.GetChildren())
        {
            if (!KnownSections.Contains(section.Key, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add(UnknownConfigurationKey.Describe(configuration, section.Key, KnownSections, "section"));
            }
        }

        var settings = new ServiceSettings(
            Bind<StorageOptions>(configuration, StorageOptions.Section, problems),
            Bind<LoyaltyOptions>(configuration, LoyaltyOptions.Section, problems),
            Bind<TillOptions>(configuration, TillOptions.Section, problems),
            Bind<ScannerOptions>(configuration, ScannerOptions.Section, problems),
            Bind<ReceiptTapOptions>(configuration, ReceiptTapOptions.Section, problems),
            Bind<PrinterOptions>(configuration, PrinterOptions.Section, problems),
            Bind<PosEventsOptions>(configuration, PosEventsOptions.Section, problems),
            Bind<DisplayOptions>(configuration, DisplayOptions.Section, problems),
            Bind<PanelOptions>(configuration, PanelOptions.Section, problems),
            Bind<BackupOptions>(configuration, BackupOptions.Section, problems));
        settings.Till.PrintCoupons = settings.Printer.IsConfigured;
        problems.AddRange(settings.Storage.Validate());
        problems.AddRange(settings.Loyalty.Validate());
        problems.AddRange(settings.Till.Validate());
        problems.AddRange(settings.Scanner.Validate());
        problems.AddRange(settings.ReceiptTap.Validate());
        problems.AddRange(settings.Printer.Validate());
        problems.AddRange(settings.PosEvents.Validate());
        problems.AddRange(settings.Display.Validate());
        problems.AddRange(settings.Panel.Validate());
        problems.AddRange(settings.Backup.Validate());
        if (settings.ReceiptTap.IsConfigured && !settings.Printer.IsConfigured)
        {
            problems.Add("ReceiptTap:Input is set but Printer:Device is not: the tap passes every byte on to the printer, so it needs one");
        }

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
        catch (InvalidOperationException) when (UnknownKeys<T>(configuration, section) is { Count: > 0 } unknown)
        {
            // The binder found keys T has no property for; name each with where it came from and what it may have meant.
            var settable = KnownKeys<T>().Where(name => typeof(T).GetProperty(name)?.SetMethod?.IsPublic == true).ToArray();
            problems.AddRange(unknown.Select(key => UnknownConfigurationKey.Describe(configuration, section + ":" + key, settable, "key")));
        }
        catch (InvalidOperationException ex)
        {
            problems.Add(Describe(section, ex));
        }

        return options;
    }

    // The binder's own rule: a child key binds to the public instance property of that name, letter case ignored.
    private static string[] KnownKeys<T>() =>
        [.. typeof(T).GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).Select(p => p.Name)];

    private static List<string> UnknownKeys<T>(IConfiguration configuration, string section)
    {
        var known = KnownKeys<T>();
        return [.. configuration.GetSection(section).GetChildren().Select(c => c.Key).Where(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase))];
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
