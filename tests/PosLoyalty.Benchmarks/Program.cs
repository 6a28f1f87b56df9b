using System.Globalization;
using PosLoyalty.Benchmarks;
using PosLoyalty.Benchmarks.Chain;
using PosLoyalty.Benchmarks.Micro;
using PosLoyalty.Benchmarks.Storage;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.Error.WriteLine(BenchOptions.Usage);
    return 0;
}

var exitCode = 0;
if (options.RunStorage)
{
    // Missed targets are reported on stderr; they do not fail the run.
    _ = new StorageHarness(options).Run();
}

if (options.Reports)
{
    // Missed targets are reported on stderr, as for the storage harness.
    _ = new ReportsHarness(options).Run(); // tests/PosLoyalty.Benchmarks/Storage/ReportsHarness.cs
}

if (options.Decoder)
{
    DecoderThroughput.Run(); // tests/PosLoyalty.Benchmarks/DecoderThroughput.cs
}

if (options.Tap)
{
    TapLatency.Run(Console.Out, Console.Error, options.Quick); // tests/PosLoyalty.Benchmarks/TapLatency.cs
}

if (options.Till)
{
    _ = CutToCommit.Run(options.Customers, options.Applies, options.DbDirectory, Rules()); // tests/PosLoyalty.Benchmarks/CutToCommit.cs
}

if (options.TillChainDown)
{
    _ = ChainCutToCommit.Run(options.Customers, options.Applies, options.DbDirectory, Rules()); // tests/PosLoyalty.Benchmarks/Chain/ChainCutToCommit.cs
}

if (options.ChainScale)
{
    _ = ChainScale.Run(options.ChainTills, options.ChainRate, options.ChainSeconds, Rules()); // tests/PosLoyalty.Benchmarks/Chain/ChainScale.cs
}

if (options.Idle)
{
    var executables = options.IdleExecutables.Count > 0
        ? options.IdleExecutables
        : [Path.GetFullPath("src/PosLoyalty.Host/bin/Release/net10.0/posloyalty.dll")];
    IdleCpu.Run(Console.Out, Console.Error, executables, options.IdleSeconds, options.IdleRuns, options.IdleStraceSeconds); // tests/PosLoyalty.Benchmarks/IdleCpu.cs
}

if (options.Bdn)
{
    exitCode = Math.Max(exitCode, MicroBenchmarks.Run());
}

return exitCode;

PosLoyalty.Domain.Rules.LoyaltyRules Rules() =>
    PosLoyalty.Domain.Rules.LoyaltyRulesReader.Parse(File.ReadAllText(StorageHarness.FindRules(options.RulesPath)), "loyalty.json");
