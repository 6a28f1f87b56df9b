using Xunit;

namespace PosLoyalty.Testing;

/// <summary>A test that needs another uid to connect: it runs as root with setpriv and python3, else it is skipped saying so.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess || !File.Exists("/usr/bin/setpriv") || !File.Exists("/usr/bin/python3"))
        {
            Skip = "needs root, /usr/bin/setpriv and /usr/bin/python3 to connect as another user";
        }
    }
}
