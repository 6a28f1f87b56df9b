using System.CommandLine;
using PosLoyalty.Storage.Security;

namespace PosLoyalty.Host.Cli;

/// <summary>`manager set-pin`: the PIN that guards manual point adjustments.</summary>
internal static class ManagerCommands
{
    public static Command Build(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var manager = new Command("manager", "manager settings");
        var newPin = new Option<string>("--new-pin") { Description = "4 to 12 digits", Required = true };
        var currentPin = new Option<string?>("--current-pin") { Description = "needed to change an existing PIN" };
        var setPin = new Command("set-pin", "set or change the manager PIN (stored as a PBKDF2 hash)") { newPin, currentPin };
        bind(setPin, (ctx, p) =>
        {
            ctx.Get<ManagerActions>().SetPin(p.GetValue(newPin)!, p.GetValue(currentPin));
            return JsonOutput.Done(ctx, new { pinSet = true }, "manager PIN set");
        });
        manager.Subcommands.Add(setPin);
        return manager;
    }
}
