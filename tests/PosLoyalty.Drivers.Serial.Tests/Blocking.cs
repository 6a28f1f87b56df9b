namespace PosLoyalty.Drivers.Serial.Tests;

/// <summary>
/// Runs a blocking call (a synchronous port read, a pty master read) on its own thread, so tests running
/// in parallel never starve the thread pool that the driver's async waits and timers depend on.
/// </summary>
internal static class Blocking
{
    public static Task<T> Run<T>(Func<T> action) =>
        Task.Factory.StartNew(action, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
}
