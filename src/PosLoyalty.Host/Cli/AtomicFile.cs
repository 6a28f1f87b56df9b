namespace PosLoyalty.Host.Cli;

/// <summary>Writes a whole file or nothing: a new temporary file beside it, flushed to disk, then renamed over.</summary>
internal static class AtomicFile
{
    /// <param name="path">The file to write (replaced if it exists: the caller has checked --force).</param>
    /// <param name="bytes">Its content.</param>
    /// <param name="mode">Permissions for the new file, set when it is created (so its bytes are never readable by more); null: the umask's.</param>
    public static void Write(string path, ReadOnlySpan<byte> bytes, UnixFileMode? mode = null)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (mode is { } unix && !OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = unix;
        }

        try
        {
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
