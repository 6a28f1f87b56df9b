using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PosLoyalty.Host.Hosting;
using PosLoyalty.Chain;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Hosting;
using PosLoyalty.Storage;

namespace PosLoyalty.Host.Cli;

/// <summary>
/// `posloyalty run [--config FILE] [--headless]`: the service with the devices the configuration names. Every
/// setting is validated before anything opens; logs go to stderr (journald format under systemd), never stdout.
/// </summary>
internal static class RunCommand
{
    public static Command Build(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var headless = new Option<bool>("--headless") { Description = "no cashier panel on this terminal (a panel can attach with `posloyalty panel`)" };
        var command = new Command("run", "run the service: scanner, receipt tap, printer and till pairing from the configuration") { headless };
        bind(command, (ctx, p) =>
        {
            var (settings, rules, profile) = ServiceConfiguration.Load(ctx);
            var databasePath = Path.GetFullPath(ctx.DatabasePath);
            var spool = settings.ReceiptTap.SpoolDirectory ?? Path.Combine(Path.GetDirectoryName(databasePath)!, "spool");
            Directory.CreateDirectory(spool);

            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                DisableDefaults = true,
                ContentRootPath = AppContext.BaseDirectory,
            });
            builder.Configuration.AddConfiguration(ctx.Configuration);
            builder.Logging.AddConfiguration(ctx.Configuration.GetSection("Logging"));
            if (Environment.GetEnvironmentVariable("JOURNAL_STREAM") is not null || Environment.GetEnvironmentVariable("INVOCATION_ID") is not null)
            {
                builder.Logging.AddSystemdConsole(o => o.TimestampFormat = null);
            }
            else
            {
                builder.Logging.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "HH:mm:ss.fff ";
                });
            }

            // stdout belongs to the panel (or to scripts); every log line goes to stderr.
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Services.AddPosLoyalty(settings, rules, profile, databasePath, spool);
            builder.Services.AddPosLoyaltyChain(ctx.Configuration, settings.Till.Id); // the chain's sync, when there is a Chain section (docs/chain.md)
            builder.AddPosLoyaltyPanel(databasePath, headless: p.GetValue(headless)); // the panel socket; on a terminal without --headless, the panel itself
            using var host = builder.Build();
            var stopReason = host.Services.GetRequiredService<ServiceStopReason>();
            host.Run(); // disposes the host when it returns
            if (stopReason.Failure is { } failure)
            {
                throw new StorageException(failure);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
