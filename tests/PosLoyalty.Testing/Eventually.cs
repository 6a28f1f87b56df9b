namespace PosLoyalty.Testing;

/// <summary>Waits for a condition with a timeout that only catches a hang; for state that offers nothing to await (a status flag).</summary>
public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; on a hang, the exception names <paramref name="what"/> and, when given, what <paramref name="state"/> says was there instead.</summary>
    public static async Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what, Func<string>? state = null)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(state is null ? $"Not true within {timeout}: {what}." : $"Not true within {timeout}: {what}. Instead:\n{state()}");
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
