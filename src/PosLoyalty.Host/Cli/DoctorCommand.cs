using System.CommandLine;
using System.Globalization;
using Microsoft.Data.Sqlite;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Devices;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Maintenance;

namespace PosLoyalty.Host.Cli;

/// <summary>
/// `posloyalty doctor`: the configuration, each configured device (exists, permissions, opens, printer status),
/// the database (quick_check, WAL, free disk, last backup), the chain when one is configured (reachable, outbox
/// depth, lag, conflicts), the clock, and what the till left waiting — with what to do about each problem. Exit 5
/// when the database is damaged, 4 when the configuration would stop the service, 6 when a configured device has a
/// problem, else 0 (advice such as "make a backup", or a chain that cannot be reached, is not a failure).
/// </summary>
internal static class DoctorCommand
{
    public static Command Build(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var doctor = new Command("doctor", "check the configuration, the devices, the database, the chain and the clock, and say what to do about each problem");
        bind(doctor, (ctx, _) => Run(ctx));
        return doctor;
    }

    private static int Run(CliContext ctx)
    {
        ServiceSettings? settings = null;
        string? configurationError = null;
        try
        {
            settings = ServiceConfiguration.Load(ctx).Settings;
        }
        catch (Exception ex) when (ex is ServiceConfigurationException or ConfigurationException or Domain.Rules.RulesValidationException)
        {
            configurationError = ex.Message;
        }

        var devices = settings is null ? [] : ProbeDevices(settings);
        var clock = new ClockProbe(ctx.Time).Check();
        HealthReport report;
        DoctorTillChecks till;
        try
        {
            report = ctx.Get<DatabaseMaintenance>().Check();
            till = DoctorTillChecks.Read(ctx.Database, ctx.Time);
        }
        catch (Exception ex) when (configurationError is not null && ex is ConfigurationException or StorageException or SqliteException or IOException or UnauthorizedAccessException)
        {
            // A misspelt Storage key points doctor at another file: the configuration is the finding to report first.
            throw new ConfigurationException($"{configurationError}; and the database could not be checked: {ex.Message}");
        }


        var chain = ReadChain(ctx, ref configurationError);
        var problems = new List<string>();
        if (configurationError is not null)
        {
            problems.Add($"configuration: {configurationError} — the service will not start until it is fixed");
        }

        problems.AddRange(devices.SelectMany(d => d.Problems));
        problems.AddRange(report.Problems);
        problems.AddRange(clock.Problems);
        problems.AddRange(till.Problems);
        problems.AddRange(ChainProblems(chain));

        if (ctx.Json)
        {
            WriteJson(ctx, configurationError, devices, clock, report, till, chain, problems);
        }
        else
        {
            WriteText(ctx.Output, configurationError, devices, clock, report, till, chain, problems);
        }

        // Only damage is a storage failure; advice (no recent backup, clock, pending coupons, a chain that is away or
        // a conflict to review: the till works offline) is not a failure.
        return report.QuickCheck != "ok" || report.BalanceMismatches != 0 ? ExitCodes.StorageFailure
            : configurationError is not null ? ExitCodes.BadConfiguration
            : devices.Any(d => !d.Healthy) ? ExitCodes.DeviceFailure
            : ExitCodes.Ok;
    }

    /// <summary>The chain section, when the configuration has one; a Chain key `run` would refuse is a configuration error.</summary>
    private static ChainHealth? ReadChain(CliContext ctx, ref string? configurationError)
    {
        try
        {
            return ChainOptions.Load(ctx.Configuration) is { IsConfigured: true } options ? ChainHealth.Read(ctx, options) : null;
        }
        catch (Exception ex) when (ex is ServiceConfigurationException or ConfigurationException)
        {
            configurationError ??= ex.Message;
            return null;
        }
    }

    private static IEnumerable<string> ChainProblems(ChainHealth? chain)
    {
        if (chain is null)
        {
            yield break;
        }

        if (!chain.Connected)
        {
            yield return $"{chain.Unreachable}: the till works offline meanwhile and its outbox keeps {chain.State.OutboxDepth} event(s) (oldest {chain.LagSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s) until the chain answers; "
                + "check the network, the server and the login (posloyalty chain status)";
        }

        foreach (var line in ChainConflictOutput.Lines(chain.Conflicts, chain.TillId))
        {
            yield return "chain conflict: " + line;
        }
    }

    private static List<DeviceReport> ProbeDevices(ServiceSettings settings)
    {
        var checks = new List<DeviceCheck>();
        if (settings.Scanner.IsConfigured)
        {
            checks.Add(new DeviceCheck("Scanner:Device", settings.Scanner.Device!, DeviceRole.Scanner, settings.Scanner.BaudRate));
        }

        if (settings.ReceiptTap.IsConfigured)
        {
            checks.Add(new DeviceCheck("ReceiptTap:Input", settings.ReceiptTap.Input!, DeviceRole.ReceiptTap, settings.ReceiptTap.BaudRate));
        }

        if (settings.Printer.IsConfigured)
        {
            checks.Add(new DeviceCheck("Printer:Device", settings.Printer.Device!, DeviceRole.Printer, settings.Printer.BaudRate));
        }

        if (settings.Display.IsConfigured)
        {
            checks.Add(new DeviceCheck("Display:Device", settings.Display.Device!, DeviceRole.Display, settings.Display.BaudRate));
        }

        var probe = new DeviceProbe(new UnixAccounts());
        using var overall = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return [.. checks.Select(c => probe.ProbeAsync(c, overall.Token).GetAwaiter().GetResult())];
    }

    private static void WriteJson(CliContext ctx, string? configurationError, List<DeviceReport> devices, ClockReport clock, HealthReport report, DoctorTillChecks till, ChainHealth? chain, List<string> problems) =>
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
            healthy = problems.Count == 0,
            problems,
            configuration = new { state = configurationError is null ? "ok" : "invalid", error = configurationError },
            devices = devices.Select(d => new
            {
                key = d.Key,
                device = d.Device,
                path = d.Path,
                symlinkTarget = d.SymlinkTarget,
                exists = d.Exists,
                kind = d.Kind,
                owner = d.Owner,
                group = d.Group,
                mode = d.Mode,
                canRead = d.CanRead,
                canWrite = d.CanWrite,
                open = d.Open,
                printerStatus = d.PrinterStatus is { } s ? new { state = s.State, paperEnd = s.PaperEnd, paperNearEnd = s.PaperNearEnd, coverOpen = s.CoverOpen, error = s.Error, unknownReason = s.UnknownReason } : null,
                healthy = d.Healthy,
                problems = d.Problems,
                notes = d.Notes,
            }),
            clock = new { now = clock.Now, synchronized = clock.Synchronized, source = clock.Source, problems = clock.Problems },
            till = new
            {
                currencyMismatches = till.CurrencyMismatches.Select(m => new { printed = m.PrintedCurrency, shop = m.ShopCurrency, receipts = m.Receipts, lastAt = m.LastAt }),
                couponsPendingPrint = till.CouponsPending,
                oldestPendingIssuedAt = till.OldestPendingIssuedAt,
                newestSaleAt = till.NewestSaleAt,
            },
            chain = chain is null ? null : new
            {
                server = chain.Server,
                shopId = chain.ShopId,
                tillId = chain.TillId,
                connected = chain.Connected,
                unreachable = chain.Unreachable,
                outbox = chain.State.OutboxDepth,
                lagSeconds = chain.LagSeconds,
                lastPushAt = chain.State.LastPushAt,
                lastPullAt = chain.State.LastPullAt,
                waiting = chain.State.WaitingToApply,
                waitingReasons = chain.State.WaitingReasons,
                conflicts = chain.Conflicts.Count,
                conflictList = ChainConflictOutput.Json(chain.Conflicts, chain.TillId),
            },
        });

    private static void WriteText(TextWriter o, string? configurationError, List<DeviceReport> devices, ClockReport clock, HealthReport report, DoctorTillChecks till, ChainHealth? chain, List<string> problems)
    {
        o.WriteLine(configurationError is null ? "configuration: ok" : "configuration: INVALID");
        foreach (var d in devices)
        {
            var where = d.Path is null ? d.Device : d.SymlinkTarget is null ? d.Path : $"{d.Path} -> {d.SymlinkTarget}";
            o.WriteLine($"{d.Key} {where}: {(d.Healthy ? "ok" : "PROBLEM")}");
            if (d.Exists is { } exists)
            {
                o.WriteLine($"  exists: {(exists ? "yes" : "no")}{(d.Mode is null ? string.Empty : $", {d.Kind}, mode {d.Mode}, owner {d.Owner}, group {d.Group}, read {YesNo(d.CanRead)}, write {YesNo(d.CanWrite)}")}");
            }

            o.WriteLine($"  open: {d.Open}");
            if (d.PrinterStatus is { } s)
            {
                o.WriteLine(s.UnknownReason is null
                    ? $"  printer: {s.State}{(s.PaperEnd ? ", paper out" : s.PaperNearEnd ? ", paper low" : string.Empty)}{(s.CoverOpen ? ", cover open" : string.Empty)}{(s.Error ? ", error" : string.Empty)}"
                    : $"  printer: status unknown ({s.UnknownReason})");
            }

            foreach (var note in d.Notes)
            {
                o.WriteLine("  note: " + note);
            }
        }

        o.WriteLine($"database {report.Path}: schema {report.SchemaVersion}, quick_check {report.QuickCheck}");
        o.WriteLine($"  {report.DatabaseBytes / 1024} KiB, WAL {report.WalBytes / 1024} KiB, {report.FreeDiskBytes / (1024 * 1024)} MiB free");
        o.WriteLine($"  {report.Customers} customers, {report.Sales} sales, {report.LedgerRows} ledger rows, {report.BalanceMismatches} balance mismatches");
        o.WriteLine($"  last backup: {report.LastBackupAt?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never"}");
        o.WriteLine($"  coupons waiting for the printer: {till.CouponsPending}; receipts in another currency (30 days): {till.CurrencyMismatches.Sum(m => m.Receipts)}");
        chain?.WriteText(o, indent: "  ");
        o.WriteLine($"clock: {clock.Now.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC, synchronised: {YesNo(clock.Synchronized)} ({clock.Source})");
        foreach (var problem in problems)
        {
            o.WriteLine("problem: " + problem);
        }

        o.WriteLine(problems.Count == 0 ? "all good" : $"{problems.Count} problem(s)");
    }

    private static string YesNo(bool? value) => value switch
    {
        true => "yes",
        false => "no",
        null => "unknown",
    };
}
