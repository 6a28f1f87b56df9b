using Npgsql;
using PosLoyalty.Chain;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Outbox;

namespace PosLoyalty.Benchmarks.Chain;

/// <summary>
/// One till's chain sync in this process: the product's own ChainSyncService (push, pull, back-off, the file watch)
/// over a till's SQLite file, as `posloyalty run` wires it, with a <see cref="FailedRoundCounter"/> for its logger so
/// that fifty of them do not time the console. Stop it with <see cref="DisposeAsync"/>.
/// </summary>
internal sealed class BenchChainTill : IAsyncDisposable
{
    private readonly NpgsqlDataSource dataSource;
    private readonly ChainSyncService service;

    private BenchChainTill(LoyaltyDatabase database, string connectionString, string shopId, string tillId)
    {
        Failures = new FailedRoundCounter();
        var time = TimeProvider.System;
        var options = new ChainOptions { ConnectionString = connectionString, ShopId = shopId };
        dataSource = ChainConnection.Open(connectionString);
        Outbox = new ChainOutbox(database);
        var sync = new ChainSync(new ChainStore(dataSource, shopId, tillId), Outbox, new ChainInbox(database, time), time);
        service = new ChainSyncService(sync, Outbox, database, options, new ChainIdentity(shopId, tillId, ChainConnection.Describe(connectionString)), time, Failures);
    }

    public ChainOutbox Outbox { get; }

    public FailedRoundCounter Failures { get; }

    public static async Task<BenchChainTill> StartAsync(LoyaltyDatabase database, string connectionString, string shopId, string tillId)
    {
        var till = new BenchChainTill(database, connectionString, shopId, tillId);
        await till.service.StartAsync(CancellationToken.None);
        return till;
    }

    public async ValueTask DisposeAsync()
    {
        await service.StopAsync(CancellationToken.None);
        service.Dispose();
        await dataSource.DisposeAsync();
    }
}
