namespace PosLoyalty.Host.Tests.Deploy;

/// <summary>A fact that is skipped, with the reason, when a program it needs is not on PATH (xunit 2 has no Assert.Skip).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FactWhenProgramAttribute : FactAttribute
{
    public FactWhenProgramAttribute(string program, string install)
    {
        Program = program;
        if (ShellRun.Which(program) is null)
        {
            Skip = $"{program} is not installed here ({install})";
        }
    }

    public string Program { get; }
}
