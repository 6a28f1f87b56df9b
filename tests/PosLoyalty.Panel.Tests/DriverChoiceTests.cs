using PosLoyalty.Panel.App;

namespace PosLoyalty.Panel.Tests;

public sealed class DriverChoiceTests
{
    [Fact]
    public void The_Linux_console_gets_the_dotnet_driver_which_reads_its_own_key_sequences()
    {
        Assert.Equal("dotnet", PanelTerminal.DriverFor("linux"));
    }

    [Theory]
    [InlineData("tmux-256color")]
    [InlineData("screen")]
    [InlineData("xterm-256color")]
    [InlineData(null)]
    public void Every_other_terminal_gets_the_ansi_driver(string? term)
    {
        Assert.Equal("ansi", PanelTerminal.DriverFor(term));
    }
}
