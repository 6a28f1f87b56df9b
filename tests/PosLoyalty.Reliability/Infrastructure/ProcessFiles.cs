namespace PosLoyalty.Reliability.Infrastructure;

/// <summary>What a child process has open, read from /proc/PID/fd: lets a test kill it while it works on the file.</summary>
internal static class ProcessFiles
{
    /// <summary>True once process <paramref name="pid"/> has <paramref name="path"/> open (false once it is gone).</summary>
    public static bool HasOpen(int pid, string path)
    {
        try
        {
            foreach (var fd in Directory.EnumerateFiles($"/proc/{pid}/fd"))
            {
                if (string.Equals(new FileInfo(fd).LinkTarget, path, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // the process ended while we looked
        }

        return false;
    }
}
