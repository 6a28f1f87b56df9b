namespace PosLoyalty.Service.Configuration;

/// <summary>
/// A file that holds a secret (a connection string, a password): refused when group or others may read it, as ssh
/// refuses a readable key. Never log or print what <see cref="Read"/> returns.
/// </summary>
public static class SecretFile
{
    /// <summary>Why the file cannot be used, naming it as <paramref name="what"/> (an option or a key), or null.</summary>
    public static string? Problem(string file, string what, string owner = "you")
    {
        if (!File.Exists(file))
        {
            return $"{what} '{file}' does not exist";
        }

        if (OperatingSystem.IsWindows())
        {
            return $"{what} needs a Unix file mode to check, which Windows does not have: on Windows give the secret in the environment";
        }

        var mode = File.GetUnixFileMode(file);
        const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        if ((mode & others) != 0)
        {
            return $"{what} '{file}' may be read by others (mode {Convert.ToString((int)mode, 8)}): chmod 600 it, owned by {owner}";
        }

        return null;
    }

    /// <summary>The file's text without surrounding white space (a trailing newline from echo); a problem is a <see cref="ServiceConfigurationException"/>.</summary>
    public static string Read(string file, string what, string owner = "you") =>
        Problem(file, what, owner) is { } problem ? throw new ServiceConfigurationException(problem) : File.ReadAllText(file).Trim();
}
