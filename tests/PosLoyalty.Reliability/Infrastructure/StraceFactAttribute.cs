namespace PosLoyalty.Reliability.Infrastructure;

/// <summary>A fact that needs a working strace (installed, and ptrace permitted); skipped saying which is missing.</summary>
public sealed class StraceFactAttribute : FactAttribute
{
    public StraceFactAttribute()
    {
        if (Prerequisites.StraceMissing is { } reason)
        {
            Skip = reason;
        }
    }
}
