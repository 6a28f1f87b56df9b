using System.Globalization;

namespace PosLoyalty.Service.Devices;

/// <summary>
/// Which processes have a device open, from /proc/PID/fd (proc(5)). A user sees only its own processes' fds;
/// root sees all. Used so doctor does not open (and reset, or steal) a device the running service holds.
/// </summary>
public static class DeviceHolders
{
    /// <summary>PIDs (other than this one) with <paramref name="devicePath"/> open, with their command name.</summary>
    public static IReadOnlyList<(int Pid, string Command)> Of(string devicePath)
    {
        ArgumentException.ThrowIfNullOrEmpty(devicePath);
        var target = Resolve(devicePath);
        var holders = new List<(int, string)>();
        IEnumerable<string> processes;
        try
        {
            processes = Directory.EnumerateDirectories("/proc");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return holders;
        }

        foreach (var dir in processes)
        {
            if (!int.TryParse(System.IO.Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries(System.IO.Path.Combine(dir, "fd")))
                {
                    if (new FileInfo(fd).LinkTarget is { } link && string.Equals(link, target, StringComparison.Ordinal))
                    {
                        holders.Add((pid, ReadCommand(dir)));
                        break;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // another user's process, or it just exited
            }
        }

        return holders;
    }

    /// <summary>The path with every symlink followed (a udev name to its /dev node).</summary>
    public static string Resolve(string path)
    {
        try
        {
            return File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? System.IO.Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return System.IO.Path.GetFullPath(path);
        }
    }

    private static string ReadCommand(string processDir)
    {
        try
        {
            return File.ReadAllText(System.IO.Path.Combine(processDir, "comm")).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "?";
        }
    }
}
