namespace PosLoyalty.Reliability.Infrastructure;

/// <summary>A fact that needs libfaketime; skipped saying so where it is not installed.</summary>
public sealed class FaketimeFactAttribute : FactAttribute
{
    public FaketimeFactAttribute()
    {
        if (Prerequisites.FaketimeMissing is { } reason)
        {
            Skip = reason;
        }
    }
}
