namespace PosLoyalty.Panel.Tests.Support;

/// <summary>
/// Headless Terminal.Gui tests run one at a time: each has its own application, but the toolkit keeps some
/// configuration process-wide (the DisableRealDriverIO switch is an environment variable).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TerminalGuiCollection
{
    public const string Name = "Terminal.Gui headless";
}
