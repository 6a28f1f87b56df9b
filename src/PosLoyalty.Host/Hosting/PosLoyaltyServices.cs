using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Host.Cli;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Devices;
using PosLoyalty.Service.Hosting;
using PosLoyalty.Service.PosEvents;
using PosLoyalty.Service.Printing;
using PosLoyalty.Service.Tap;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Import;
using PosLoyalty.Storage.Maintenance;
using PosLoyalty.Storage.Privacy;
using PosLoyalty.Storage.Raffle;
using PosLoyalty.Storage.Reports;
using PosLoyalty.Storage.Outbox;
using PosLoyalty.Storage.Sales;
using PosLoyalty.Storage.Security;

namespace PosLoyalty.Host.Hosting;

/// <summary>
/// The composition root (docs/architecture.md, "Composition root"). <see cref="AddPosLoyalty"/> is what every command
/// and the service share: the clock, the rules, the database and the repositories over it, with no device and no
/// hosted service. <see cref="AddPosLoyaltyService"/> adds, for `run` and `demo` only, one hosted service per
/// configured device and what they share.
/// </summary>
internal static class PosLoyaltyServices
{
    /// <summary>
    /// Registers the loyalty data and its repositories. A clock, rules or database the caller registered first is
    /// kept (a test's fake clock; the service's rules, validated once, and its database opened without a quick_check),
    /// so each is registered once. Everything is built on first use: a command that reads no customer opens no file.
    /// </summary>
    public static IServiceCollection AddPosLoyalty(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => RulesLoader.Load(configuration));

        // A big file is not quick_checked at every command (seconds per gigabyte): doctor and the service check it.
        services.TryAddSingleton(_ => OpenDatabase(DatabasePath(configuration), LoyaltyDatabase.CheckFor));
        services.TryAddSingleton(_ => PanelSettings(configuration));

        services.AddSingleton<CustomerRepository>();
        services.AddSingleton<CounterQueries>();
        services.AddSingleton<CustomerCardQuery>();
        services.AddSingleton<ChainOutbox>();
        services.AddSingleton<ChainInbox>();
        services.AddSingleton<ChainConflicts>();
        services.AddSingleton<SaleRecorder>();
        services.AddSingleton<PendingSales>();
        services.AddSingleton<CouponRepository>();
        services.AddSingleton<CouponConflicts>();
        services.AddSingleton<CouponPrintQueue>();
        services.AddSingleton<ManagerActions>();
        services.AddSingleton<PrivacyRequests>();
        services.AddSingleton<CustomerImporter>();
        services.AddSingleton<DatabaseMaintenance>();
        services.AddSingleton<RaffleDraws>();
        services.AddSingleton<SegmentAnalysis>();
        services.AddSingleton<LapsedCustomers>();
        services.AddSingleton<FollowUps>();
        services.AddSingleton<TopCustomers>();
        services.AddSingleton<LiabilityReport>();
        services.AddSingleton<VisitPatterns>();
        return services;
    }

    /// <summary>
    /// The service on top of <see cref="AddPosLoyalty"/>: the settings <paramref name="service"/> validated (each options
    /// type once), the till, and one hosted service per configured device. Only a host calls this, never a plain command.
    /// </summary>
    public static IServiceCollection AddPosLoyaltyService(this IServiceCollection services, IConfiguration configuration, ServiceConfiguration service, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(service);
        var settings = service.Settings;
        var spoolDirectory = settings.ReceiptTap.SpoolDirectory ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "spool");
        Directory.CreateDirectory(spoolDirectory);

        services.AddSingleton(service.Rules);

        // quick_check reads every page; the service runs it right after it is ready (IntegrityCheckService).
        services.AddSingleton(_ => OpenDatabase(databasePath, _ => OpenCheck.Deferred));
        services.AddSingleton(settings.Panel);
        services.AddPosLoyalty(configuration);

        services.AddSingleton(settings);
        services.AddSingleton(Options.Create(settings.Till));
        services.AddSingleton(settings.Scanner);
        services.AddSingleton(settings.ReceiptTap);
        services.AddSingleton(settings.Printer);
        services.AddSingleton(settings.PosEvents);
        services.AddSingleton(settings.Display);
        services.AddSingleton(settings.Backup);
        services.AddSingleton(settings.Confirmation);
        services.AddSingleton(service.Profile);

        services.AddSingleton<ServiceStopReason>();
        services.AddHostedService<IntegrityCheckService>();
        services.AddSingleton<TillEventHub>();
        services.AddSingleton<DeviceStatusBoard>();
        services.AddSingleton<TillSession>();

        // `receipts capture` reads the tap's bytes through this (none without a tap); its decoder is the tap's.
        services.AddSingleton(new ReceiptCaptureHub(settings.ReceiptTap.IsConfigured ? new ReceiptReader(service.Profile, settings.ReceiptTap.CodePage) : null));
        services.AddHostedService<IdleService>();
        if (settings.Backup.Keep > 0)
        {
            services.AddSingleton(sp =>
            {
                var database = sp.GetRequiredService<LoyaltyDatabase>();
                return new BackupSchedule(database, settings.Backup.DirectoryFor(database.Path), settings.Backup.Keep, sp.GetRequiredService<TimeProvider>());
            });
            services.AddHostedService<BackupService>();
        }

        if (settings.Printer.IsConfigured)
        {
            services.AddSingleton(sp => new PrinterLink(
                new PrinterLinkOptions
                {
                    Device = settings.Printer.Device!,
                    SerialBaudRate = settings.Printer.BaudRate,
                    SpoolDirectory = spoolDirectory,
                    MemoryLimitBytes = settings.ReceiptTap.MemoryBufferBytes,
                },
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<PrinterLink>>()));
            services.AddSingleton<CouponSlipRenderer>();
            services.AddSingleton<CouponPrinter>();
            services.AddHostedService<PrinterService>();
        }

        if (settings.Scanner.IsConfigured)
        {
            services.AddHostedService<ScannerService>();
        }

        if (settings.Display.IsConfigured)
        {
            services.AddHostedService<DisplayService>();
        }

        if (settings.ReceiptTap.IsConfigured)
        {
            services.AddHostedService<ReceiptTapService>();
        }

        if (settings.PosEvents.IsConfigured)
        {
            services.AddSingleton(sp => new PosEventDispatcher(
                sp.GetRequiredService<TillSession>(),
                sp.GetRequiredService<SaleRecorder>(),
                service.Rules.ShopCurrency,
                settings.Printer.IsConfigured,
                sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILogger<PosEventDispatcher>>()));
            services.AddHostedService<PosEventsService>();
        }

        return services;
    }

    /// <summary>Storage:DatabasePath, which --db sets; a clear error when neither is given.</summary>
    public static string DatabasePath(IConfiguration configuration) =>
        configuration["Storage:DatabasePath"] is { Length: > 0 } path
            ? path
            : throw new ConfigurationException("Storage:DatabasePath is not set: pass --db PATH or set it in appsettings.json");

    private static LoyaltyDatabase OpenDatabase(string path, Func<string, OpenCheck> check) => LoyaltyDatabase.Open(path, check: check(path));

    /// <summary>The Panel section alone: `panel` and `receipts capture` need the socket, not the devices' settings.</summary>
    private static PanelOptions PanelSettings(IConfiguration configuration)
    {
        var options = new PanelOptions();
        try
        {
            configuration.GetSection(PanelOptions.Section).Bind(options, b => b.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException($"{PanelOptions.Section}: {ex.Message}");
        }

        var problems = options.Validate().ToList();
        return problems.Count == 0 ? options : throw new ConfigurationException(string.Join("; ", problems));
    }
}
