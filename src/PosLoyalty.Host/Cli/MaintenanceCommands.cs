using System.CommandLine;
using PosLoyalty.Storage.Maintenance;

namespace PosLoyalty.Host.Cli;

/// <summary>`backup FILE`, `restore FILE`, `doctor`.</summary>
internal static class MaintenanceCommands
{
    public static IEnumerable<Command> Build(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var backupFile = new Argument<string>("FILE") { Description = "where to write the backup (must not exist)" };
        var backup = new Command("backup", "online, consistent, integrity-checked backup of the live database") { backupFile };
        bind(backup, (ctx, p) =>
        {
            ctx.Get<DatabaseMaintenance>().Backup(p.GetValue(backupFile)!);
            return JsonOutput.Done(ctx, new { backup = Path.GetFullPath(p.GetValue(backupFile)!) }, $"backup written to {p.GetValue(backupFile)}");
        });
        yield return backup;

        var restoreFile = new Argument<string>("FILE") { Description = "a backup made by `posloyalty backup`" };
        var restore = new Command("restore", "replace the database with a checked backup; the current one is kept beside it") { restoreFile };
        bind(restore, (ctx, p) =>
        {
            var kept = ctx.Get<DatabaseMaintenance>().Restore(p.GetValue(restoreFile)!);
            return JsonOutput.Done(ctx, new { restored = Path.GetFullPath(p.GetValue(restoreFile)!), previousKeptAt = kept }, $"restored; the previous database is kept at {kept}");
        });
        yield return restore;

        yield return DoctorCommand.Build(bind);
    }
}
