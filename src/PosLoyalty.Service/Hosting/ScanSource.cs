using PosLoyalty.Drivers.Scanner;

namespace PosLoyalty.Service.Hosting;

/// <summary>Adapts a scanner driver to <see cref="IScanSource"/>.</summary>
internal sealed class ScanSource<T>(T scanner, Func<T, CancellationToken, ValueTask<Scan>> read) : IScanSource
    where T : IAsyncDisposable
{
    public ValueTask<Scan> ReadAsync(CancellationToken cancellationToken) => read(scanner, cancellationToken);

    public ValueTask DisposeAsync() => scanner.DisposeAsync();
}
