using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PosLoyalty.Host.Hosting;
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
            var service = ServiceConfiguration.Load(ctx);
            using var host = ServiceHost.CreateBuilder(ctx.Configuration, service, Path.GetFullPath(ctx.DatabasePath), headless: p.GetValue(headless)).Build();
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
