using System.Globalization;
using PosLoyalty.Panel.Model;

namespace PosLoyalty.Panel.Text;

/// <summary>
/// The screen that faces the customer: friendly and public. It takes only a <see cref="CustomerFacingModel"/>,
/// which has no field for anything private, and a welcome when nobody (or an unknown card) is at the counter.
/// </summary>
public static class CustomerViewText
{
    public static IReadOnlyList<string> Welcome() =>
    [
        "Welcome!",
        string.Empty,
        "Scan your loyalty card to collect stamps and points.",
        "No card yet? Ask us, it takes a moment.",
    ];

    public static IReadOnlyList<string> Greeting(CustomerFacingModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var rows = new List<string> { "Hi " + model.Greeting + "!", string.Empty };
        foreach (var card in model.StampCards)
        {
            rows.Add($"{card.Name}  {StampBoxes.Boxes(card)}  {StampBoxes.Fraction(card)}");
            rows.Add(card.Remaining == 0 ? Capitalised(card.Reward) + " is ready for you!" : StampBoxes.ToGo(card));
            rows.Add(string.Empty);
        }

        var points = string.Create(CultureInfo.InvariantCulture, $"{model.Points:N0} points");
        rows.Add(model.PointsJustEarned is { } earned and > 0 ? points + string.Create(CultureInfo.InvariantCulture, $"  (+{earned} today)") : points);
        if (model.RewardPrinted)
        {
            rows.Add(string.Empty);
            rows.Add("★ Your reward is printed on your receipt ★");
        }

        return rows;
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
