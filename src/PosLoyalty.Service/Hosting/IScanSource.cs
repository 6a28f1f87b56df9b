using PosLoyalty.Drivers.Scanner;

namespace PosLoyalty.Service.Hosting;

/// <summary>A serial or keyboard-wedge scanner, read the same way.</summary>
internal interface IScanSource : IAsyncDisposable
{
    ValueTask<Scan> ReadAsync(CancellationToken cancellationToken);
}
