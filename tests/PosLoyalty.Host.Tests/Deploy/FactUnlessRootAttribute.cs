namespace PosLoyalty.Host.Tests.Deploy;

/// <summary>A fact about file permissions: skipped as root, because root opens a chmod 000 file anyway (capabilities(7), CAP_DAC_OVERRIDE).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FactUnlessRootAttribute : FactAttribute
{
    public FactUnlessRootAttribute()
    {
        if (Environment.IsPrivilegedProcess)
        {
            Skip = "running as root: CAP_DAC_OVERRIDE opens a file whatever its mode, so a permission failure cannot be staged";
        }
    }
}
