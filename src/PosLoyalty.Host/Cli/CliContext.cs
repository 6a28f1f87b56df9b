using System.CommandLine;
using Microsoft.Extensions.Configuration;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Storage;

namespace PosLoyalty.Host.Cli;

/// <summary>
/// What a command needs: configuration layered as docs/configuration.md says, the rules, the database and
/// the clock, each built on first use so `--help` never touches a file.
/// </summary>
internal sealed class CliContext(ParseResult parse, TextWriter output, TimeProvider time, TextWriter error)
{
    private IConfiguration? configuration;
    private LoyaltyRules? rules;
    private LoyaltyDatabase? database;

    public TextWriter Output { get; } = output;

    /// <summary>stderr: progress lines and warnings, never the answer.</summary>
    public TextWriter Error { get; } = error;

    public TimeProvider Time { get; } = time;

    public bool Json => parse.GetValue(GlobalOptions.Json);

    public IConfiguration Configuration => configuration ??= ConfigurationLoader.Load(parse.GetValue(GlobalOptions.Config), parse.GetValue(GlobalOptions.Database));

    public LoyaltyRules Rules => rules ??= RulesLoader.Load(Configuration);

    // A big file is not quick_checked at every command (seconds per gigabyte): doctor and the service check it.
    public LoyaltyDatabase Database => database ??= LoyaltyDatabase.Open(DatabasePath, check: LoyaltyDatabase.CheckFor(DatabasePath));

    /// <summary>After the command has answered: fold the WAL back so the file stays compact.</summary>
    public void CheckpointIfOpened() => database?.Checkpoint();

    public string DatabasePath =>
        Configuration["Storage:DatabasePath"] is { Length: > 0 } path
            ? path
            : throw new ConfigurationException("Storage:DatabasePath is not set: pass --db PATH or set it in appsettings.json");
}
