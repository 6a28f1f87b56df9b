using PosLoyalty.Panel.Views;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PosLoyalty.Panel.Tests.Support;

/// <summary>Renders into a fixed-size console without colour, the way the approved files were made.</summary>
internal static class Screen
{
    public static string Text(IRenderable renderable, PanelLayout layout)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
            // Without this, CI environment detection could change the profile between machines.
            Enrichment = new ProfileEnrichment { UseDefaultEnrichers = false },
        });
        console.Profile.Width = layout.Width;
        console.Profile.Height = layout.Height;
        console.Profile.Capabilities.Unicode = true;
        console.Write(renderable);
        var lines = writer.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n').Select(l => l.TrimEnd());
        return string.Join('\n', lines) + "\n";
    }
}
