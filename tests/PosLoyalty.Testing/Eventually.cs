namespace PosLoyalty.Testing;

/// <summary>Waits for a condition with a timeout that only catches a hang; for state that offers nothing to await (a status flag).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not true within {timeout}: {what}.");
            }

            await Task.Delay(5);
        }
    }

    /// <summary>Polls <paramref name="condition"/> on this thread until it holds or <paramref name="timeout"/> passes; whether it held.</summary>
    public static bool Holds(Func<bool> condition, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            Thread.Sleep(10);
        }

        return true;
    }
}
