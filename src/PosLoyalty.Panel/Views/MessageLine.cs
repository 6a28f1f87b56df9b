using PosLoyalty.Panel.State;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PosLoyalty.Panel.Views;

/// <summary>One line for the last result or error; errors are marked so they read without colour.</summary>
public static class MessageLine
{
    public static IRenderable Render(StatusMessage? message, PanelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (message is null)
        {
            return Ink.Blank();
        }

        return message.IsError
            ? Ink.OneLine((" ✗ ", Ink.Bad), (message.Text, Ink.Bad))
            : Ink.OneLine((" ● ", Ink.Good), (message.Text, Ink.Plain));
    }
}
