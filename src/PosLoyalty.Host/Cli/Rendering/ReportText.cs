using System.Globalization;
using PosLoyalty.Storage.Reports;

namespace PosLoyalty.Host.Cli.Rendering;

/// <summary>How the reports write numbers, money, shares, contacts and follow-up kinds: one spelling for the tables and the CSV files.</summary>
internal static class ReportText
{
    public static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Num(decimal n) => n.ToString(CultureInfo.InvariantCulture);

    public static string Money(decimal n) => n.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Percent(decimal share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Date(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Date(DateOnly on) => on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string ContactText(ContactDetails? contact) =>
        contact is null ? "-" : string.Join(" ", new[] { contact.Phone, contact.Email }.Where(s => s is not null));

    public static string Kind(FollowUpKind kind) => kind switch
    {
        FollowUpKind.ThankYouCall => "thank-you-call",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
