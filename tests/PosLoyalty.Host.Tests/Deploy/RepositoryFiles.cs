namespace PosLoyalty.Host.Tests.Deploy;

/// <summary>Finds files of the checkout the tests run from (kiosk-config/, docs/).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "kiosk-config", "install-pi.sh")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("no kiosk-config/install-pi.sh above " + AppContext.BaseDirectory);
    }
}
