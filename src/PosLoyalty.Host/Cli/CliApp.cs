using System.CommandLine;
using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Security;

namespace PosLoyalty.Host.Cli;

/// <summary>The `posloyalty` command line (docs/cli.md). Errors: one line on stderr, a non-zero exit, nothing written.</summary>
internal static class CliApp
{
    private const int SqliteIoError = 10; // SQLITE_IOERR
    private const int SqliteFull = 13;    // SQLITE_FULL

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = Build(output, error, TimeProvider.System);
        var parse = root.Parse(args);
        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
    }

    public static RootCommand Build(TextWriter output, TextWriter error, TimeProvider time)
    {
        var root = new RootCommand("PosLoyalty: the loyalty plugin beside the till. Cards, stamps, points and coupons, kept in SQLite.");
        root.Options.Add(GlobalOptions.Database);
        root.Options.Add(GlobalOptions.Config);
        root.Options.Add(GlobalOptions.Json);

        Action<Command, Func<CliContext, ParseResult, int>> bind = (command, body) =>
            command.SetAction(parse => Guard(
                () =>
                {
                    using var ctx = new CliContext(parse, output, time, error);
                    var code = body(ctx, parse);
                    output.Flush(); // the answer is out (and on disk) before housekeeping
                    try
                    {
                        ctx.CheckpointIfOpened();
                    }
                    catch (Exception ex) when (ex is SqliteException or IOException)
                    {
                        // What the command did is committed; folding the WAL back can wait for the next command.
                        error.WriteLine("posloyalty: warning: WAL checkpoint after the command failed (" + ex.Message + "); the command's result stands");
                    }

                    return code;
                },
                error));

        root.Subcommands.Add(CustomersCommands.Build(bind));
        root.Subcommands.Add(SalesCommands.Build(bind));
        root.Subcommands.Add(CouponsCommands.Build(bind));
        root.Subcommands.Add(ManagerCommands.Build(bind));
        root.Subcommands.Add(PrinterCommands.Build(bind));
        root.Subcommands.Add(ScannerCommands.Build(bind));
        root.Subcommands.Add(ReceiptsCommands.Build(bind));
        foreach (var command in MaintenanceCommands.Build(bind))
        {
            root.Subcommands.Add(command);
        }

        root.Subcommands.Add(RunCommand.Build(bind));
        root.Subcommands.Add(DemoCommand.Build(bind));
        root.Subcommands.Add(PanelCommand.Build(bind));
        root.Subcommands.Add(ReportCommands.Build(bind));
        root.Subcommands.Add(ImportCommands.Build(bind));
        root.Subcommands.Add(RaffleCommands.Build(bind));
        root.Subcommands.Add(ChainCommands.Build(bind));
        return root;
    }

    /// <summary>Turns every expected failure into one clear line on stderr and its exit code.</summary>
    private static int Guard(Func<int> body, TextWriter error)
    {
        try
        {
            return body();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is SqliteFull or SqliteIoError)
        {
            // A transaction is all or nothing, but a failed fsync at commit can leave it committed: a script should
            // simply run the command again, which is safe (a sale's key makes a repeat a no-op).
            var what = ex.SqliteErrorCode == SqliteFull ? "the disk is full" : "the disk reported an I/O error";
            error.WriteLine($"posloyalty: {what} ({ex.Message}); nothing was half-written, but the change may not have been recorded — free space or check the disk, then run the command again (a repeated sale is never counted twice)");
            return ExitCodes.StorageFailure;
        }
        catch (Exception ex) when (Classify(ex) is { } code)
        {
            error.WriteLine("posloyalty: " + ex.Message);
            return code;
        }
        catch (Exception ex)
        {
            // A bug, not bad input: still one line for the user, with what to report.
            error.WriteLine($"posloyalty: internal error ({ex.GetType().Name}): {ex.Message} — please report this with the command you ran");
            return ExitCodes.InternalError;
        }
    }

    private static int? Classify(Exception ex) => ex switch
    {
        NotFoundException => ExitCodes.NotFound,
        DomainValidationException or CouponNotRedeemableException or PinRefusedException or CliException or Chain.TillLoginRefusedException => ExitCodes.InvalidInput,
        RulesValidationException or ConfigurationException or Service.Configuration.ServiceConfigurationException => ExitCodes.BadConfiguration,
        Drivers.EscPos.PrinterConnectionException or Drivers.Serial.SerialPortException or System.Net.Sockets.SocketException or Chain.ChainException => ExitCodes.DeviceFailure,
        StorageException or SqliteException or IOException or UnauthorizedAccessException => ExitCodes.StorageFailure,
        _ => null,
    };
}
