namespace PosLoyalty.Service.Devices;

/// <summary>
/// Group and user names from /etc/group and /etc/passwd (nss files only: a till has no LDAP), to say "the device
/// belongs to group dialout and user posloyalty is not in it" rather than print numbers.
/// </summary>
public sealed class UnixAccounts
{
    private readonly Dictionary<uint, (string Name, string[] Members)> _groups = [];
    private readonly Dictionary<string, (uint Uid, uint Gid)> _users = new(StringComparer.Ordinal);

    public UnixAccounts(string groupFile = "/etc/group", string passwdFile = "/etc/passwd")
    {
        foreach (var fields in Lines(groupFile))
        {
            if (fields.Length >= 4 && uint.TryParse(fields[2], System.Globalization.CultureInfo.InvariantCulture, out var gid))
            {
                _groups.TryAdd(gid, (fields[0], fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries)));
            }
        }

        foreach (var fields in Lines(passwdFile))
        {
            if (fields.Length >= 4
                && uint.TryParse(fields[2], System.Globalization.CultureInfo.InvariantCulture, out var uid)
                && uint.TryParse(fields[3], System.Globalization.CultureInfo.InvariantCulture, out var gid))
            {
                _users.TryAdd(fields[0], (uid, gid));
            }
        }
    }

    public string GroupName(uint gid) => _groups.TryGetValue(gid, out var g) ? g.Name : gid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string UserName(uint uid) =>
        _users.FirstOrDefault(u => u.Value.Uid == uid).Key ?? uid.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool UserExists(string user) => _users.ContainsKey(user);

    /// <summary>Whether <paramref name="user"/> is in group <paramref name="gid"/> by /etc/group or as its primary group.</summary>
    public bool IsMember(string user, uint gid) =>
        (_users.TryGetValue(user, out var u) && u.Gid == gid)
        || (_groups.TryGetValue(gid, out var g) && g.Members.Contains(user, StringComparer.Ordinal));

    private static IEnumerable<string[]> Lines(string file)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var line in lines)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line.Split(':');
            }
        }
    }
}
