using Npgsql;
using PosLoyalty.Storage.Outbox;

namespace PosLoyalty.Chain.Tests;

/// <summary><see cref="ChainStore.PullAsync"/> on a real PostgreSQL: every other till's events, once each, in order of arrival.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ChainPullTests(PostgresCluster cluster)
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [PostgresClusterFact]
    public async Task Pulled_in_small_batches_every_other_tills_event_comes_once_in_the_order_PostgreSQL_received_it()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        var tills = new Dictionary<string, (NpgsqlDataSource Source, ChainStore Store, long Seq)>();
        foreach (var till in new[] { "till-a", "till-b", "till-c", "till-d" })
        {
            var ds = ChainConnection.Open(db.CreateTillLogin(till));
            tills[till] = (ds, new ChainStore(ds, "shop-1", till), 0);
        }

        try
        {
            // Interleaved pushes of one to three events: a, b, a, c, d, b, c, a, …
            var order = new[] { "till-a", "till-b", "till-a", "till-c", "till-d", "till-b", "till-c", "till-a", "till-d", "till-b", "till-a", "till-c" };
            foreach (var (till, i) in order.Select((t, i) => (t, i)))
            {
                var (source, store, seq) = tills[till];
                var batch = Enumerable.Range(1, (i % 3) + 1).Select(n => Note(seq + n)).ToList();
                await store.PushAsync(batch, CancellationToken.None);
                tills[till] = (source, store, seq + batch.Count);
            }

            var puller = tills["till-d"].Store;
            var cursors = new Dictionary<(string Shop, string Till), long>();
            var pulled = new List<PulledEvent>();
            while (true)
            {
                var events = await puller.PullAsync(cursors, 2, CancellationToken.None);
                pulled.AddRange(events);
                foreach (var e in events)
                {
                    cursors[(e.ShopId, e.TillId)] = e.Seq;
                }

                if (events.Count < 2)
                {
                    break;
                }
            }

            Assert.DoesNotContain(pulled, e => e.TillId == "till-d");
            Assert.Equal(db.Scalar("SELECT count(*) FROM events WHERE till_id <> 'till-d'"), pulled.Count);
            Assert.Equal(pulled.Count, pulled.Select(e => e.EventId).Distinct().Count());
            Assert.Equal(pulled.Select(e => e.Position).Order(), pulled.Select(e => e.Position));
            Assert.All(pulled.GroupBy(e => e.TillId), g => Assert.Equal(Enumerable.Range(1, g.Count()).Select(n => (long)n), g.Select(e => e.Seq)));
        }
        finally
        {
            foreach (var (source, _, _) in tills.Values)
            {
                await source.DisposeAsync();
            }
        }
    }

    [PostgresClusterFact]
    public async Task An_event_committed_after_a_later_one_is_not_stepped_over()
    {
        var db = await ChainDatabase.CreateMigratedAsync(cluster);
        await using var b = ChainConnection.Open(db.CreateTillLogin("till-b"));
        await using var c = ChainConnection.Open(db.CreateTillLogin("till-c"));
        await using var slow = new NpgsqlConnection(db.CreateTillLogin("till-a"));
        await slow.OpenAsync();
        var puller = new ChainStore(c, "shop-1", "till-c");

        // Till A's push takes its position first and commits last.
        await using var tx = await slow.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand("INSERT INTO events (event_id, shop_id, till_id, seq, kind, payload, occurred_at) VALUES (gen_random_uuid(), 'shop-1', 'till-a', 1, 'note-added', '{}', now())", slow, tx))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await new ChainStore(b, "shop-1", "till-b").PushAsync([Note(1)], CancellationToken.None);
        var first = await puller.PullAsync(new Dictionary<(string Shop, string Till), long>(), 100, CancellationToken.None);
        await tx.CommitAsync();
        var second = await puller.PullAsync(first.ToDictionary(e => (e.ShopId, e.TillId), e => e.Seq), 100, CancellationToken.None);

        Assert.Equal("till-b", Assert.Single(first).TillId);
        var late = Assert.Single(second);
        Assert.Equal("till-a", late.TillId);
        Assert.True(late.Position < first[0].Position, "till A's event holds the earlier position");
    }

    private static OutboxEvent Note(long seq) =>
        new(seq, Guid.NewGuid(), ChainEventKinds.NoteAdded, null, "{}", At);
}
