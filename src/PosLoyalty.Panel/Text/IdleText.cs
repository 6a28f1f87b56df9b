using System.Globalization;
using PosLoyalty.Panel.Model;

namespace PosLoyalty.Panel.Text;

/// <summary>Between customers: the time and date, the devices and how they are, today's counts.</summary>
public static class IdleText
{
    public static string Clock(IdleModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Now.ToString("HH:mm", CultureInfo.InvariantCulture) + "  " + model.Now.ToString("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>One line a device: name, state, where it is, in columns.</summary>
    public static IReadOnlyList<string> Devices(IdleModel model, int width)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Devices.Count == 0)
        {
            return ["No devices configured."];
        }

        var nameWidth = Math.Max("Device".Length, model.Devices.Max(d => d.Name.Length));
        var stateWidth = Math.Max("State".Length, model.Devices.Max(d => Describe(d.State).Length));
        var rows = new List<string> { TextFit.Cut($"{"Device".PadRight(nameWidth)}  {"State".PadRight(stateWidth)}  Detail", width) };
        rows.AddRange(model.Devices.Select(d => TextFit.Cut($"{d.Name.PadRight(nameWidth)}  {Describe(d.State).PadRight(stateWidth)}  {d.Detail}".TrimEnd(), width)));
        return rows;
    }

    public static string Today(IdleModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Today {model.SalesToday} {(model.SalesToday == 1 ? "sale" : "sales")} · {model.LoyaltyVisitsToday} loyalty {(model.LoyaltyVisitsToday == 1 ? "visit" : "visits")}");
    }

    public const string Waiting = "Waiting for a card. F finds a customer without one, S records a manual sale.";

    public static string Describe(DeviceState state) => state switch
    {
        DeviceState.Ok => "✓ ok",
        DeviceState.Waiting => "◌ waiting", // not "…", which means "cut off" everywhere else on screen
        DeviceState.Absent => "✗ absent",
        DeviceState.PaperLow => "! paper low",
        DeviceState.PaperOut => "✗ paper out",
        DeviceState.Error => "✗ error",
        _ => state.ToString(),
    };
}
