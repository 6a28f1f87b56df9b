using System.Globalization;
using PosLoyalty.Panel.Model;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PosLoyalty.Panel.Views;

/// <summary>Between customers: a clock readable from across the shop, the devices, today's counts.</summary>
public static class IdleScreen
{
    public static IRenderable Render(IdleModel model, PanelLayout layout)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(layout);
        var rows = new List<IRenderable>
        {
            // Five characters of Figlet fit in 80 columns; the clock is the one place it does.
            new FigletText(model.Now.ToString("HH:mm", CultureInfo.InvariantCulture)) { Justification = Justify.Left },
            Ink.Line(model.Now.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture), Ink.Bold),
            Ink.Blank(),
            Devices(model),
            Ink.Line(
                ("Today ", Ink.Heading),
                (string.Create(CultureInfo.InvariantCulture, $"{model.SalesToday} {(model.SalesToday == 1 ? "sale" : "sales")}"), Ink.Bold),
                (" · ", Ink.Dim),
                (string.Create(CultureInfo.InvariantCulture, $"{model.LoyaltyVisitsToday} loyalty {(model.LoyaltyVisitsToday == 1 ? "visit" : "visits")}"), Ink.Bold)),
            Ink.Line("Waiting for a card. F finds a customer without one, S records a manual sale.", Ink.Dim),
        };
        return new Padder(new Rows(rows), new Padding(1, 0, 1, 0));
    }

    private static IRenderable Devices(IdleModel model)
    {
        if (model.Devices.Count == 0)
        {
            return Ink.Line("No devices configured.", Ink.Dim);
        }

        var table = new Table { Border = TableBorder.Rounded };
        table.AddColumn("Device");
        table.AddColumn("State");
        table.AddColumn("Detail");
        foreach (var device in model.Devices)
        {
            var (text, style) = Describe(device.State);
            table.AddRow(Ink.Line(device.Name, Ink.Bold), Ink.Line(text, style), Ink.Line(device.Detail ?? string.Empty, Ink.Dim));
        }

        return table;
    }

    internal static (string Text, Style Style) Describe(DeviceState state) => state switch
    {
        DeviceState.Ok => ("✓ ok", Ink.Good),
        DeviceState.Waiting => ("… waiting", Ink.Warn),
        DeviceState.Absent => ("✗ absent", Ink.Bad),
        DeviceState.PaperLow => ("! paper low", Ink.Warn),
        DeviceState.PaperOut => ("✗ paper out", Ink.Bad),
        DeviceState.Error => ("✗ error", Ink.Bad),
        _ => (state.ToString(), Ink.Plain),
    };
}
