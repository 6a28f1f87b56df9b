using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using PosLoyalty.Chain;
using PosLoyalty.Host.Cli;

namespace PosLoyalty.Host.Hosting;

/// <summary>The one host builder, for `run` and `demo`: configuration, logging, systemd and the service's registrations.</summary>
internal static class ServiceHost
{
    /// <summary>
    /// Logs go to stderr, one line each; stdout belongs to the panel (or to scripts). Under systemd, the host sends
    /// READY=1 and STOPPING=1 and switches the lines to journald's format; elsewhere it does nothing.
    /// </summary>
    public static HostApplicationBuilder CreateBuilder(IConfiguration configuration, ServiceConfiguration service, string databasePath, bool headless)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

        // After the console logger: under systemd its formatter choice (journald's) is the one that stands.
        builder.Services.AddPosLoyaltySystemd();
        builder.Services.AddPosLoyaltyService(configuration, service, databasePath);
        builder.Services.AddPosLoyaltyChain(configuration, service.Settings.Till.Id); // the chain's sync, when there is a Chain section (docs/chain.md)
        builder.AddPosLoyaltyPanel(databasePath, headless); // the panel socket; on a terminal without --headless, the panel itself
        return builder;
    }
}
