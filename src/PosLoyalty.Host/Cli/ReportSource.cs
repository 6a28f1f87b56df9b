using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using PosLoyalty.Chain;
using PosLoyalty.Host.Hosting;

namespace PosLoyalty.Host.Cli;

/// <summary>
/// Where a report reads: this till's file, or with `--chain` the whole chain in PostgreSQL (<see cref="ChainReportData"/>),
/// through the same report classes from the same composition root, so both give the same shapes. A chain that cannot
/// be reached is a <see cref="ChainException"/> naming the server, never its password: exit 6.
/// </summary>
internal sealed class ReportSource : IDisposable
{
    public static readonly Option<bool> Chain = new("--chain")
    {
        Description = "run over the whole chain in PostgreSQL (every till of every shop) instead of this till's file",
        Recursive = true,
    };

    private readonly CliContext ctx;
    private readonly ChainReportData? chain;
    private readonly ServiceProvider? services;

    private ReportSource(CliContext ctx, ChainReportData? chain, ServiceProvider? services)
    {
        this.ctx = ctx;
        this.chain = chain;
        this.services = services;
    }

    public static ReportSource Open(CliContext ctx, ParseResult parse)
    {
        if (!parse.GetValue(Chain))
        {
            return new ReportSource(ctx, null, null);
        }

        var connectionString = ChainCommands.RequireChain(ctx).ReadConnectionString();
        var data = ChainCommands.Talk(connectionString, ds => ChainReportData.LoadAsync(ds, ctx.Time, CancellationToken.None));
        var services = new ServiceCollection().AddSingleton(ctx.Time).AddSingleton(data.Database).AddPosLoyalty(ctx.Configuration).BuildServiceProvider();
        return new ReportSource(ctx, data, services);
    }

    /// <summary>A report class (SegmentAnalysis, TopCustomers …) over this source.</summary>
    public T Get<T>()
        where T : notnull => services is null ? ctx.Get<T>() : services.GetRequiredService<T>();

    public void Dispose()
    {
        services?.Dispose();
        chain?.Dispose();
    }
}
