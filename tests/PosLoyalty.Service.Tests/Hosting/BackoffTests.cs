using PosLoyalty.Service.Hosting;

namespace PosLoyalty.Service.Tests.Hosting;

public sealed class BackoffTests
{
    [Fact]
    public void Each_wait_doubles_the_last_until_the_cap_and_a_reset_starts_again_from_the_first()
    {
        var backoff = new Backoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500));

        TimeSpan[] waits = [backoff.Next(), backoff.Next(), backoff.Next(), backoff.Next(), backoff.Next()];
        backoff.Reset();

        Assert.Equal([100, 200, 400, 500, 500], waits.Select(w => w.TotalMilliseconds));
        Assert.Equal(TimeSpan.FromMilliseconds(100), backoff.Next());
    }
}
