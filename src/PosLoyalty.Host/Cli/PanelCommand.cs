using System.CommandLine;
using PosLoyalty.Host.Hosting;
using PosLoyalty.Panel.App;
using PosLoyalty.Panel.Connection;
using PosLoyalty.Service.Configuration;

namespace PosLoyalty.Host.Cli;

/// <summary>
/// `posloyalty panel [--customer-view]`: the cashier panel (or the customer-facing screen) attached to the running
/// service over Panel:Socket. Needs a terminal; reconnects by itself when the service restarts; Q quits.
/// </summary>
internal static class PanelCommand
{
    public static Command Build(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var customerView = new Option<bool>("--customer-view") { Description = "the screen that faces the customer: greeting, stamps and points, nothing private; only Q works" };
        var command = new Command("panel", "attach a cashier panel to the running service (Panel:Socket)") { customerView };
        bind(command, (ctx, p) =>
        {
            var options = ctx.Get<PanelOptions>();
            if (!PanelServices.HasTerminal)
            {
                throw new CliException("panel needs a terminal: run it on a console, over ssh -t or in tmux, without redirecting its input or output");
            }

            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            Console.CancelKeyPress += onCancel;
            try
            {
                PanelTerminal.Run(new PanelSocketConnector(Path.GetFullPath(options.Socket)), ctx.Time, p.GetValue(customerView), stop.Token);
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
