using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Devices;
using PosLoyalty.Service.Hosting;
using PosLoyalty.Service.Printing;
using PosLoyalty.Service.Tap;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Host.Hosting;

/// <summary>The composition root of `posloyalty run`: one hosted service per configured device, and what they share.</summary>
internal static class PosLoyaltyServices
{
    public static IServiceCollection AddPosLoyalty(this IServiceCollection services, ServiceSettings settings, LoyaltyRules rules, ReceiptProfile profile, string databasePath, string spoolDirectory)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(rules);
        services.AddSingleton(settings);
        // Each options type is registered once, as ServiceSettings.Load bound and validated it (docs/adr/0008).
        services.AddSingleton(Options.Create(settings.Till));
        services.AddSingleton(settings.Scanner);
        services.AddSingleton(settings.ReceiptTap);
        services.AddSingleton(settings.Printer);
        services.AddSingleton(settings.PosEvents);
        services.AddSingleton(settings.Display);
        services.AddSingleton(settings.Panel);
        services.AddSingleton(profile);

        // quick_check reads every page; the service runs it right after it is ready (IntegrityCheckService).
        services.AddSingleton(_ => LoyaltyDatabase.Open(databasePath, check: OpenCheck.Deferred));
        services.AddSingleton<ServiceStopReason>();
        services.AddHostedService<IntegrityCheckService>();
        services.AddSingleton<CustomerRepository>();
        services.AddSingleton<SaleRecorder>();
        services.AddSingleton<PendingSales>();
        services.AddSingleton(settings.Confirmation);
        services.AddSingleton<CouponRepository>();
        services.AddSingleton<CouponPrintQueue>();
        services.AddSingleton<TillEventHub>();
        services.AddSingleton<DeviceStatusBoard>();
        services.AddSingleton<TillSession>();

        // `receipts capture` reads the tap's bytes through this (none without a tap); its decoder is the tap's.
        services.AddSingleton(new ReceiptCaptureHub(settings.ReceiptTap.IsConfigured ? new ReceiptReader(profile, settings.ReceiptTap.CodePage) : null));
        services.AddHostedService<IdleService>();
        services.AddSingleton(settings.Backup);
        if (settings.Backup.Keep > 0)
        {
            services.AddHostedService<BackupService>();
        }

        services.AddHostedService<SystemdNotifier>();

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
            services.AddHostedService<PosEventsService>();
        }

        return services;
    }
}
