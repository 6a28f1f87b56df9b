using PosLoyalty.Panel.Model;

namespace PosLoyalty.Panel.Tests.Support;

/// <summary>Fixed people and a fixed clock, so every rendering is reproducible.</summary>
internal static class Sample
{
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 14, 32, 0, TimeSpan.FromHours(1));

    public static readonly PendingSaleModel PendingForNobody = new(6, "7990", 18.40m, Now.AddMinutes(-9), null, "confidence 0.45 below 0.60");

    public static readonly PendingSaleModel PendingForAnna = new(7, "8001", 250m, Now.AddMinutes(-1), "Anna", "total 250.00 above 200.00");

    public const string RawCard = "6274190012341234";

    public static CustomerCardModel Rossi => new()
    {
        CustomerId = 42,
        CardLast4 = "1234",
        DisplayName = "Marco Rossi",
        Greeting = "Mr Rossi",
        PinnedNotes = ["Daughter graduated last week: ask how it went", "Oat milk, always"],
        RecentNotes =
        [
            new("Liked the new single-origin beans", Now.AddDays(-12)),
            new("Asked about gift cards", Now.AddMonths(-3)),
            new("Prefers the window table", Now.AddMonths(-5)),
        ],
        UsuallyBuys = ["flat white", "almond croissant", "sourdough loaf"],
        LastVisit = Now.AddDays(-12),
        Visits = 34,
        Points = 1240,
        Tier = new TierStanding("Gold", "Platinum", 260m, 740m),
        StampCards =
        [
            new("Coffee", 7, 10, "a free coffee"),
            new("Bakery", 8, 8, "a free pastry"),
        ],
        Coupons = [new("Free coffee", "K7QF-9XMA-T3")],
        Alerts =
        [
            new(AlertKind.Birthday, "Birthday on Friday (03-13)"),
            new(AlertKind.OpenComplaint, "Open complaint: cold croissant on 02-27"),
            new(AlertKind.FollowUp, "Follow up: call back about catering order"),
            new(AlertKind.PointsExpiring, "200 points expire on 03-31"),
        ],
        AsOf = Now,
    };

    /// <summary>A first-time customer with nothing on file yet.</summary>
    public static CustomerCardModel Newcomer => new()
    {
        CustomerId = 43,
        CardLast4 = "5678",
        DisplayName = "Lena Vogt",
        Greeting = "Lena",
        AsOf = Now,
    };

    /// <summary>Private data that must never reach the customer-facing screen.</summary>
    public static CustomerCardModel Anna => new()
    {
        CustomerId = 7,
        CardLast4 = "9876",
        DisplayName = "Anna Bianchi",
        Greeting = "Anna",
        PinnedNotes = ["Going through a divorce, be gentle"],
        RecentNotes = [new("Phone 0171 5550123, email anna.bianchi@example.com", Now.AddDays(-1))],
        UsuallyBuys = ["cappuccino"],
        LastVisit = Now.AddDays(-1),
        Visits = 12,
        Points = 310,
        Tier = new TierStanding("Silver", "Gold", 90m, 410m),
        StampCards = [new("Coffee", 7, 10, "a free coffee")],
        Alerts = [new(AlertKind.OpenComplaint, "Complained about the music volume")],
        AsOf = Now,
    };

    public static IdleModel Idle => new()
    {
        Now = Now,
        Devices =
        [
            new("Scanner", DeviceState.Ok, "/dev/pos/scanner"),
            new("POS tap", DeviceState.Waiting, "no receipt yet today"),
            new("Printer", DeviceState.PaperLow, "/dev/usb/lp0"),
            new("Printer 2", DeviceState.PaperOut, "tcp://10.0.0.7:9100"),
            new("Display", DeviceState.Absent, "/dev/pos/display"),
            new("POS events", DeviceState.Error, "unix:/run/posloyalty/pos.sock: permission denied"),
        ],
        SalesToday = 37,
        LoyaltyVisitsToday = 21,
    };

    public static IReadOnlyList<CustomerMatch> Matches =>
    [
        new(42, "Marco Rossi", "1234", Now.AddDays(-12)),
        new(51, "Maria Rossi", null, Now.AddMonths(-3)),
        new(77, "Roberto Rossini", "4321", null),
    ];
}
