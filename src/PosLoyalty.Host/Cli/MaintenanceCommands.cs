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
            new DatabaseMaintenance(ctx.Database, ctx.Time).Backup(p.GetValue(backupFile)!);
            return JsonOutput.Done(ctx, new { backup = Path.GetFullPath(p.GetValue(backupFile)!) }, $"backup written to {p.GetValue(backupFile)}");
        });
        yield return backup;

        var restoreFile = new Argument<string>("FILE") { Description = "a backup made by `posloyalty backup`" };
        var restore = new Command("restore", "replace the database with a checked backup; the current one is kept beside it") { restoreFile };
        bind(restore, (ctx, p) =>
        {
            var kept = new DatabaseMaintenance(ctx.Database, ctx.Time).Restore(p.GetValue(restoreFile)!);
            return JsonOutput.Done(ctx, new { restored = Path.GetFullPath(p.GetValue(restoreFile)!), previousKeptAt = kept }, $"restored; the previous database is kept at {kept}");
        });
        yield return restore;

        var doctor = new Command("doctor", "check the database and say what to do about each problem");
        bind(doctor, (ctx, _) =>
        {
            var report = new DatabaseMaintenance(ctx.Database, ctx.Time).Check();
            if (ctx.Json)
            {
                JsonOutput.Write(ctx.Output, new
                {
                    database = new
                    {
                        path = report.Path,
                        schemaVersion = report.SchemaVersion,
                        quickCheck = report.QuickCheck,
                        sizeBytes = report.DatabaseBytes,
                        walBytes = report.WalBytes,
                        freeDiskBytes = report.FreeDiskBytes,
                        customers = report.Customers,
                        sales = report.Sales,
                        ledgerRows = report.LedgerRows,
                        balanceMismatches = report.BalanceMismatches,
                        lastBackupAt = report.LastBackupAt,
                    },
                    healthy = report.Healthy,
                    problems = report.Problems,
                });
            }
            else
            {
                var o = ctx.Output;
                o.WriteLine($"database {report.Path}: schema {report.SchemaVersion}, quick_check {report.QuickCheck}");
                o.WriteLine($"  {report.DatabaseBytes / 1024} KiB, WAL {report.WalBytes / 1024} KiB, {report.FreeDiskBytes / (1024 * 1024)} MiB free");
                o.WriteLine($"  {report.Customers} customers, {report.Sales} sales, {report.LedgerRows} ledger rows, {report.BalanceMismatches} balance mismatches");
                o.WriteLine($"  last backup: {report.LastBackupAt?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "never"}");
                foreach (var problem in report.Problems)
                {
                    o.WriteLine("  problem: " + problem);
                }

                o.WriteLine(report.Healthy ? "all good" : $"{report.Problems.Count} problem(s)");
            }

            // Only damage is a failure; advice (no recent backup) is not.
            return report.QuickCheck == "ok" && report.BalanceMismatches == 0 ? ExitCodes.Ok : ExitCodes.StorageFailure;
        });
        yield return doctor;
    }
}
