namespace PosLoyalty.Service.Tests.Tap;

/// <summary>A fresh directory under /tmp, deleted with everything in it.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = Directory.CreateTempSubdirectory("posloyalty-tap-").FullName;
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: /tmp is cleaned anyway.
        }
    }
}
