using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Host.Hosting;
using PosLoyalty.Storage;

namespace PosLoyalty.Host.Cli;

/// <summary>
/// What a command needs: configuration layered as docs/configuration.md says, and the services of
/// <see cref="PosLoyaltyServices.AddPosLoyalty"/> over it (rules, database, repositories), each built on first use so
/// `--help` never touches a file. Disposed after the command.
/// </summary>
internal sealed class CliContext(ParseResult parse, TextWriter output, TimeProvider time, TextWriter error) : IDisposable
{
    private IConfiguration? configuration;
    private ServiceProvider? services;
    private LoyaltyDatabase? database;

    public TextWriter Output { get; } = output;

    /// <summary>stderr: progress lines and warnings, never the answer.</summary>
    public TextWriter Error { get; } = error;

    public TimeProvider Time { get; } = time;

    public bool Json => parse.GetValue(GlobalOptions.Json);

    public IConfiguration Configuration => configuration ??= ConfigurationLoader.Load(parse.GetValue(GlobalOptions.Config), parse.GetValue(GlobalOptions.Database));

    public LoyaltyRules Rules => Get<LoyaltyRules>();

    public LoyaltyDatabase Database => Get<LoyaltyDatabase>();

    public string DatabasePath => PosLoyaltyServices.DatabasePath(Configuration);

    /// <summary>A repository, report or the rules, from the one composition root.</summary>
    public T Get<T>()
        where T : notnull => (services ??= Build()).GetRequiredService<T>();

    /// <summary>After the command has answered: fold the WAL back so the file stays compact (only if it was opened).</summary>
    public void CheckpointIfOpened() => database?.Checkpoint();

    public void Dispose() => services?.Dispose();

    private ServiceProvider Build()
    {
        var collection = new ServiceCollection().AddSingleton(Time);

        // Opened here rather than by AddPosLoyalty's default only so that the checkpoint knows whether there is a file.
        collection.AddSingleton(_ => database = LoyaltyDatabase.Open(DatabasePath, check: LoyaltyDatabase.CheckFor(DatabasePath)));
        return collection.AddPosLoyalty(Configuration).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
