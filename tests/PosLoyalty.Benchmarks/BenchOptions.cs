using System.Globalization;

namespace PosLoyalty.Benchmarks;

/// <summary>
/// Command line of the benchmark program. Sizes default to the full size (1,000,000
/// customers, 10,000,000 ledger rows); <c>--quick</c> is the 100,000-customer run that must finish
/// in under a minute.
/// </summary>
internal sealed record BenchOptions
{
    public const string Usage =
        """
        PosLoyalty benchmarks

          dotnet run -c Release --project tests/PosLoyalty.Benchmarks -- [options]

        Storage harness (the default mode):
          --quick              100,000 customers, 1,000,000 ledger rows, 20,000 lookups, 2,000 applies
          --customers N        customers to seed (default 1,000,000)
          --ledger-rows N      ledger rows to seed, spread evenly (default 10 per customer)
          --lookups N          timed card lookups (default 100,000; quick 20,000)
          --applies N          timed sale applies, and as many raw insert+commits (default 5,000; quick 2,000)
          --db DIR             directory for the database file (default: the temp directory)
          --reuse              reuse a database seeded earlier with the same sizes in DIR
          --keep               keep the database file afterwards (always kept with --reuse)
          --rules FILE         loyalty.json to apply sales with (default: kiosk-config/loyalty.json)
          --seed N             random seed for the choice of cards and customers (default 12345)
          --samples DIR        also write every timing to DIR/<measurement>.csv
          --idle-checkpoint N  run LoyaltyDatabase.Checkpoint() (PASSIVE), untimed, after every N
                               apply+raw pairs, as the product does when idle (after a CLI
                               command; between customers at the till). Default 20; 0 = never,
                               leaving only SQLite's automatic checkpoint (10,000 pages)

        Other modes:
          --reports            owner reports (issue #7): `report segments` over the seeded database
                               (--customers, --ledger-rows as above), and `import customers` of
                               --import-rows N generated CSV rows (default 100,000) into a fresh
                               database; each repeated --repeats N times (default 5) after a warm-up
          --decoder            ESC/POS decoder throughput (DecoderThroughput.Run)
          --tap                receipt tap added latency per chunk vs a plain byte-copying proxy (TapLatency.Run)
          --till               receipt end (cut) → durable commit through the till session (CutToCommit.Run);
                               --customers and --applies size it (quick: 100,000 and 2,000)
          --till-chain-down    --till three times in one run: without a chain, then with the chain's sync service
                               beside the till, its PostgreSQL up and then stopped (Chain/ChainCutToCommit.cs)
          --chain-scale        --chain-tills N simulated tills (default 50), each its own SQLite file and sync
                               service, at --chain-rate N sales/s in total (default 20) for --chain-seconds N
                               (default 300) against one private PostgreSQL: sync lag (Chain/ChainScale.cs)
          --idle               CPU of an idle `posloyalty run --headless` from /proc over --idle-seconds N
                               (default 60), with a scanner pty, a TCP tap, a TCP printer and the panel
                               socket configured (IdleCpu.Run); --idle-exe PATH (repeatable: old and new
                               builds alternate) names posloyalty.dll or the apphost (default: this
                               checkout's Release build), --idle-runs N runs each (default 1),
                               --idle-strace N counts syscalls with `strace -c -f` for N s first
          --bdn                BenchmarkDotNet micro-benchmarks (coupon codes, card numbers)
          --storage            also run the storage harness when --decoder or --bdn is given

        stdout: one JSON line per measurement; stderr: progress.
        """;

    public bool Quick { get; init; }

    public int Customers { get; init; } = 1_000_000;

    public long LedgerRows { get; init; } = 10_000_000;

    public int Lookups { get; init; } = 100_000;

    public int Applies { get; init; } = 5_000;

    public string DbDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "posloyalty-bench");

    public bool Reuse { get; init; }

    public bool Keep { get; init; }

    public string? RulesPath { get; init; }

    public int RandomSeed { get; init; } = 12345;

    public string? SamplesDirectory { get; init; }

    public int? IdleCheckpointEvery { get; init; } = 20;

    public bool Decoder { get; init; }

    public bool Reports { get; init; }

    public bool Tap { get; init; }

    public bool Till { get; init; }

    public bool TillChainDown { get; init; }

    public bool ChainScale { get; init; }

    public int ChainTills { get; init; } = 50;

    public int ChainRate { get; init; } = 20;

    public int ChainSeconds { get; init; } = 300;

    public int ImportRows { get; init; } = 100_000;

    public int ReportRepeats { get; init; } = 5;

    public bool Bdn { get; init; }

    public bool Idle { get; init; }

    public IReadOnlyList<string> IdleExecutables { get; init; } = [];

    public int IdleSeconds { get; init; } = 60;

    public int IdleRuns { get; init; } = 1;

    public int IdleStraceSeconds { get; init; }

    public bool Storage { get; init; }

    public bool Help { get; init; }

    public bool RunStorage => Storage || (!Decoder && !Bdn && !Reports && !Tap && !Till && !Idle && !TillChainDown && !ChainScale);

    /// <summary>Ledger rows (and sales) per customer: the requested total spread evenly, at least one.</summary>
    public int LedgerRowsPerCustomer => (int)Math.Max(1, Math.Round((double)LedgerRows / Customers));

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        int? customers = null;
        long? ledgerRows = null;
        int? lookups = null;
        int? applies = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--quick":
                    options = options with { Quick = true };
                    break;
                case "--customers":
                    customers = (int)Number(args, ref i, 1, 100_000_000);
                    break;
                case "--ledger-rows":
                    ledgerRows = Number(args, ref i, 1, 2_000_000_000);
                    break;
                case "--lookups":
                    lookups = (int)Number(args, ref i, 1, 100_000_000);
                    break;
                case "--applies":
                    applies = (int)Number(args, ref i, 1, 10_000_000);
                    break;
                case "--db":
                    options = options with { DbDirectory = Value(args, ref i) };
                    break;
                case "--rules":
                    options = options with { RulesPath = Value(args, ref i) };
                    break;
                case "--samples":
                    options = options with { SamplesDirectory = Value(args, ref i) };
                    break;
                case "--idle-checkpoint":
                    var every = (int)Number(args, ref i, 0, 1_000_000);
                    options = options with { IdleCheckpointEvery = every == 0 ? null : every };
                    break;
                case "--seed":
                    options = options with { RandomSeed = (int)Number(args, ref i, 0, int.MaxValue) };
                    break;
                case "--reuse":
                    options = options with { Reuse = true };
                    break;
                case "--keep":
                    options = options with { Keep = true };
                    break;
                case "--reports":
                    options = options with { Reports = true };
                    break;
                case "--import-rows":
                    options = options with { ImportRows = (int)Number(args, ref i, 1, 10_000_000) };
                    break;
                case "--repeats":
                    options = options with { ReportRepeats = (int)Number(args, ref i, 1, 1000) };
                    break;
                case "--tap":
                    options = options with { Tap = true };
                    break;
                case "--till":
                    options = options with { Till = true };
                    break;
                case "--till-chain-down":
                    options = options with { TillChainDown = true };
                    break;
                case "--chain-scale":
                    options = options with { ChainScale = true };
                    break;
                case "--chain-tills":
                    options = options with { ChainTills = (int)Number(args, ref i, 1, 500) };
                    break;
                case "--chain-rate":
                    options = options with { ChainRate = (int)Number(args, ref i, 1, 10_000) };
                    break;
                case "--chain-seconds":
                    options = options with { ChainSeconds = (int)Number(args, ref i, 1, 86_400) };
                    break;
                case "--decoder":
                    options = options with { Decoder = true };
                    break;
                case "--idle":
                    options = options with { Idle = true };
                    break;
                case "--idle-exe":
                    options = options with { IdleExecutables = [.. options.IdleExecutables, Value(args, ref i)] };
                    break;
                case "--idle-seconds":
                    options = options with { IdleSeconds = (int)Number(args, ref i, 1, 3600) };
                    break;
                case "--idle-runs":
                    options = options with { IdleRuns = (int)Number(args, ref i, 1, 100) };
                    break;
                case "--idle-strace":
                    options = options with { IdleStraceSeconds = (int)Number(args, ref i, 0, 600) };
                    break;
                case "--bdn":
                    options = options with { Bdn = true };
                    break;
                case "--storage":
                    options = options with { Storage = true };
                    break;
                case "--help" or "-h" or "-?":
                    options = options with { Help = true };
                    break;
                default:
                    throw new ArgumentException($"unknown option '{arg}' (--help lists the options)");
            }
        }

        var c = customers ?? (options.Quick ? 100_000 : 1_000_000);
        return options with
        {
            Customers = c,
            LedgerRows = ledgerRows ?? 10L * c,
            Lookups = lookups ?? (options.Quick ? 20_000 : 100_000),
            Applies = applies ?? (options.Quick ? 2_000 : 5_000),
        };
    }

    private static string Value(IReadOnlyList<string> args, ref int i)
    {
        if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"option '{args[i]}' needs a value");
        }

        i++;
        return args[i];
    }

    private static long Number(IReadOnlyList<string> args, ref int i, long min, long max)
    {
        var name = args[i];
        var text = Value(args, ref i).Replace("_", string.Empty, StringComparison.Ordinal).Replace(",", string.Empty, StringComparison.Ordinal);
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new ArgumentException($"option '{name}': '{args[i]}' must be a whole number from {min} to {max}");
        }

        return value;
    }
}
