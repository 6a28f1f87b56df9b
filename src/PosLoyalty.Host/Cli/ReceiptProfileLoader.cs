using System.Text.RegularExpressions;
using PosLoyalty.Domain.Receipts;

namespace PosLoyalty.Host.Cli;

/// <summary>
/// Finds a receipt profile by name (`ReceiptTap:Profile`, `--profile`): kiosk-config/receipt-profiles/NAME.json
/// (working directory first, then beside the binary), else the built-in profile of that name. A path to a .json
/// file is read as it is, so store IT can try a draft profile before installing it.
/// </summary>
internal static class ReceiptProfileLoader
{
    public const string ProfileDirectory = "kiosk-config/receipt-profiles";

    public static ReceiptProfile Load(string name, string what)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new CliException($"{what} is empty: give a profile name ({string.Join(", ", BuiltInReceiptProfiles.Names)}) or a .json file");
        }

        if (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || name.Contains('/', StringComparison.Ordinal))
        {
            var path = Path.GetFullPath(name);
            if (!File.Exists(path))
            {
                throw new CliException($"{what} '{name}': file does not exist");
            }

            return Read(path, Path.GetFileNameWithoutExtension(path));
        }

        if (!Regex.IsMatch(name, "^[A-Za-z0-9][A-Za-z0-9_.-]*$", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            throw new CliException($"{what} '{name}' is not a profile name: letters, digits, '-', '_' and '.' only");
        }

        var file = ConfigurationLoader.ResolvePath(Path.Combine(ProfileDirectory, name + ".json"));
        if (File.Exists(file))
        {
            return Read(file, name);
        }

        return BuiltInReceiptProfiles.Find(name)
            ?? throw new CliException($"{what} '{name}' is unknown: no {Path.Combine(ProfileDirectory, name + ".json")} and no built-in profile of that name (built in: {string.Join(", ", BuiltInReceiptProfiles.Names)})");
    }

    private static ReceiptProfile Read(string path, string name)
    {
        try
        {
            return ReceiptProfileReader.Parse(File.ReadAllText(path), "receipt profile " + path, name);
        }
        catch (ReceiptProfileException ex)
        {
            throw new ConfigurationException(ex.Message);
        }
    }
}
