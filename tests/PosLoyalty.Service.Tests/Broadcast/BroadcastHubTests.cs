using PosLoyalty.Service.Broadcast;

namespace PosLoyalty.Service.Tests.Broadcast;

public sealed class BroadcastHubTests
{
    [Fact]
    public void A_subscriber_gets_its_snapshot_first_then_what_is_published_and_a_slow_one_loses_its_oldest()
    {
        var hub = new BroadcastHub<int>(itemsPerSubscriber: 3);
        using var reading = hub.Subscribe(() => [-1]);
        using var slow = hub.Subscribe(() => [-1]);

        hub.Publish(1);
        Assert.Equal([-1, 1], Drain(reading));
        foreach (var item in new[] { 2, 3 })
        {
            hub.Publish(item);
        }

        Assert.Equal([2, 3], Drain(reading));
        Assert.Equal([1, 2, 3], Drain(slow));
    }

    [Fact]
    public void A_disposed_subscription_ends_and_receives_nothing_more_while_the_others_do()
    {
        var hub = new BroadcastHub<string>(itemsPerSubscriber: 8);
        using var staying = hub.Subscribe();
        var leaving = hub.Subscribe();

        hub.Publish("before");
        leaving.Dispose();
        hub.Publish("after");

        Assert.Equal(["before"], Drain(leaving));
        Assert.True(leaving.Events.Completion.IsCompleted, "a disposed subscription's stream ends");
        Assert.Equal(["before", "after"], Drain(staying));
    }

    private static List<T> Drain<T>(BroadcastSubscription<T> subscription)
    {
        var items = new List<T>();
        while (subscription.Events.TryRead(out var item))
        {
            items.Add(item);
        }

        return items;
    }
}
