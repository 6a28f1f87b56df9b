namespace PosLoyalty.Service.Configuration;

/// <summary>Where a coupon earned by a sale is printed (`Printer:CouponPlacement`).</summary>
public enum CouponPlacement
{
    /// <summary>At the foot of the customer's receipt: injected before the POS's cut, which waits only while the sale commits.</summary>
    BeforeCut,

    /// <summary>On its own slip, after the POS's cut: the POS's bytes are never held.</summary>
    AfterCut,
}
