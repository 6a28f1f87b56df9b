using System.Globalization;
using PosLoyalty.Chain;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Storage.Outbox;

namespace PosLoyalty.Host.Cli;

/// <summary>
/// What `chain status` and `doctor` say of the chain: the server (user@host:port/database, never the password),
/// whether it answers and lets this login write as this till, what waits to be pushed and for how long, and the conflicts left for review here.
/// </summary>
internal sealed record ChainHealth(string Server, string ShopId, string TillId, string? Unreachable, ChainSyncState State, double LagSeconds, ChainConflictList Conflicts)
{
    public bool Connected => Unreachable is null;

    /// <summary>Asks the chain once (a closed port answers at once; a silent server within the connection's timeout) and reads the file's side.</summary>
    public static ChainHealth Read(CliContext ctx, ChainOptions options)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(options);
        var tillId = ServiceSettings.Load(ctx.Configuration).Till.Id;
        var connectionString = options.ReadConnectionString();
        string? unreachable = null;
        try
        {
            ChainCommands.Talk(connectionString, async ds => await new ChainStore(ds, options.ShopId!, tillId).CheckAsync(CancellationToken.None));
        }
        catch (ChainException ex)
        {
            unreachable = ex.Message;
        }

        var state = ctx.Get<ChainOutbox>().ReadState();
        var lag = state.OldestUnpushedAt is { } oldest ? Math.Max(0, Math.Round((ctx.Time.GetUtcNow() - oldest).TotalSeconds, 1)) : 0;
        return new ChainHealth(ChainConnection.Describe(connectionString), options.ShopId!, tillId, unreachable, state, lag, ctx.Get<ChainConflicts>().Read());
    }

    /// <summary>The lines `chain status` prints, and `doctor` with its details indented under the heading.</summary>
    public void WriteText(TextWriter o, string indent = "")
    {
        ArgumentNullException.ThrowIfNull(o);
        o.WriteLine($"chain {Server}, shop {ShopId}, till {TillId}: {(Connected ? "connected" : "not usable (" + Unreachable + ")")}");
        o.WriteLine($"{indent}outbox: {State.OutboxDepth} waiting, lag {LagSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s");
        o.WriteLine($"{indent}last push: {Time(State.LastPushAt)}; last pull: {Time(State.LastPullAt)}");
        o.WriteLine($"{indent}pulled events waiting to apply: {State.WaitingToApply}; conflicts to review: {Conflicts.Count}");
        foreach (var (reason, count) in State.WaitingReasons)
        {
            o.WriteLine($"{indent}  {count} waiting: {reason}");
        }

        foreach (var line in ChainConflictOutput.Lines(Conflicts, TillId))
        {
            o.WriteLine(indent + "  " + line);
        }
    }

    /// <summary>`chain status --json`: the fields it always had (conflicts a count), then the list.</summary>
    public object Json() => new
    {
        connected = Connected,
        outbox = State.OutboxDepth,
        lastPushAt = State.LastPushAt,
        lastPullAt = State.LastPullAt,
        lagSeconds = LagSeconds,
        conflicts = Conflicts.Count,
        waiting = State.WaitingToApply,
        waitingReasons = State.WaitingReasons,
        conflictList = ChainConflictOutput.Json(Conflicts, TillId),
    };

    private static string Time(DateTimeOffset? at) => UtcText.Format(at, "never");
}
