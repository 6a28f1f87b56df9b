using PosLoyalty.Domain.Coupons;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Values;
using PosLoyalty.Panel.Model;
using PosLoyalty.Service.Devices;
using PosLoyalty.Storage.Customers;
using PanelDevice = PosLoyalty.Panel.Model.DeviceStatus;
using PanelDeviceState = PosLoyalty.Panel.Model.DeviceState;
using PanelSale = PosLoyalty.Panel.Model.SaleOutcome;
using ServiceDevice = PosLoyalty.Service.Devices.DeviceStatus;
using ServiceDeviceState = PosLoyalty.Service.Devices.DeviceState;
using StoredSale = PosLoyalty.Storage.Sales.SaleOutcome;

namespace PosLoyalty.Service.Panel;

/// <summary>
/// Builds what the panel draws from what the service keeps: the customer card from one snapshot of the profile and
/// the counter facts (the card number cut to its last four), the idle screen from the device board and
/// today's counts. Times are in the till's local offset, as the cashier reads them.
/// </summary>
public sealed class PanelCards(CustomerCardQuery cardQuery, CounterQueries counter, DeviceStatusBoard devices, TimeProvider time)
{
    private const int RecentNotesShown = 5;

    /// <summary>The customer's card from one read (profile and counter facts in one snapshot), so its parts agree.</summary>
    /// <exception cref="Storage.NotFoundException">The customer does not exist (or was erased).</exception>
    public CustomerCardModel Card(CustomerId id, PanelSale? lastSale = null)
    {
        var snapshot = cardQuery.Read(id);
        var profile = snapshot.Profile;
        var facts = snapshot.Facts;
        var now = time.GetLocalNow();
        var card = profile.Cards.Where(c => c.ReplacedAt is null).OrderByDescending(c => c.IssuedAt).FirstOrDefault();
        return new CustomerCardModel
        {
            CustomerId = profile.Customer.Id.Value,
            CardLast4 = card is null ? null : Last4(card.Number.Value),
            DisplayName = profile.Customer.DisplayName,
            Greeting = profile.Customer.GreetingOrName,
            PinnedNotes = profile.Notes.Where(n => n.Pinned).Select(n => n.Text).ToList(),
            RecentNotes = profile.Notes.Where(n => !n.Pinned).OrderByDescending(n => n.At).Take(RecentNotesShown)
                .Select(n => new DatedNote(n.Text, n.At.ToOffset(now.Offset))).ToList(),
            UsuallyBuys = facts.UsuallyBuys,
            LastVisit = facts.PreviousVisitAt?.ToOffset(now.Offset),
            Visits = profile.Visits,
            Points = profile.Balance.Value,
            Tier = Tier(profile.Tier),
            StampCards = profile.Stamps.Select(s => new StampCardProgress(s.Name, s.Count, s.Target, s.Reward, s.Owed)).ToList(),
            Coupons = profile.Coupons.Where(c => c.Status == CouponStatus.Active).Select(c => new ReadyCoupon(c.Reward, c.Code.ToDisplayString())).ToList(),
            Alerts = facts.Alerts.Select(a => new CustomerAlert(Kind(a.Kind), a.Text)).ToList(),
            AsOf = now,
            LastSale = lastSale,
        };
    }

    public IdleModel Idle()
    {
        var today = counter.Today();
        return new IdleModel
        {
            Now = time.GetLocalNow(),
            Devices = devices.Snapshot().Select(Device).OfType<PanelDevice>().ToList(),
            SalesToday = today.Sales,
            LoyaltyVisitsToday = today.LoyaltyVisits,
        };
    }

    public static PanelSale Sale(StoredSale outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new PanelSale(outcome.PointsEarned.Value, outcome.CouponsIssued.FirstOrDefault()?.Reward);
    }

    /// <summary>The idle screen's row for a device; null for one the configuration leaves out.</summary>
    public static PanelDevice? Device(ServiceDevice status)
    {
        ArgumentNullException.ThrowIfNull(status);
        PanelDeviceState? state = status.State switch
        {
            ServiceDeviceState.Ok => PanelDeviceState.Ok,
            ServiceDeviceState.Waiting => PanelDeviceState.Waiting,
            ServiceDeviceState.Absent => PanelDeviceState.Absent,
            ServiceDeviceState.PaperLow => PanelDeviceState.PaperLow,
            ServiceDeviceState.PaperOut => PanelDeviceState.PaperOut,
            ServiceDeviceState.Error => PanelDeviceState.Error,
            _ => null,
        };
        return state is { } s ? new PanelDevice(DeviceName(status.Device), s, status.Detail) : null;
    }

    private static string DeviceName(string device) => device switch
    {
        DeviceStatusBoard.Scanner => "Scanner",
        DeviceStatusBoard.ReceiptTap => "POS tap",
        DeviceStatusBoard.Printer => "Printer",
        DeviceStatusBoard.PosEvents => "POS events",
        DeviceStatusBoard.Display => "Display",
        _ => device,
    };

    private static TierStanding? Tier(TierStatus tier) =>
        tier.Name is null && tier.NextTier is null
            ? null
            : new TierStanding(tier.Name ?? "Member", tier.NextTier, tier.SpendToNextTier, tier.Spend12Months);

    private static AlertKind Kind(CounterAlertKind kind) => kind switch
    {
        CounterAlertKind.Birthday => AlertKind.Birthday,
        CounterAlertKind.Anniversary => AlertKind.Anniversary,
        CounterAlertKind.BackAfterAbsence => AlertKind.BackAfterAbsence,
        CounterAlertKind.OpenComplaint => AlertKind.OpenComplaint,
        CounterAlertKind.FollowUp => AlertKind.FollowUp,
        CounterAlertKind.ReferralPending => AlertKind.ReferralPending,
        _ => AlertKind.PointsExpiring,
    };

    private static string Last4(string card) => card.Length <= 4 ? card : card[^4..];
}
