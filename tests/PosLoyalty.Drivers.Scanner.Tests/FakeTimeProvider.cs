namespace PosLoyalty.Drivers.Scanner.Tests;

/// <summary>A clock that moves only when told.</summary>
internal sealed class FakeTimeProvider : TimeProvider
{
    private DateTimeOffset now;

    public FakeTimeProvider()
        : this(new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero))
    {
    }

    public FakeTimeProvider(DateTimeOffset start) => now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;

    public void AdvanceMilliseconds(double milliseconds) => Advance(TimeSpan.FromMilliseconds(milliseconds));
}
