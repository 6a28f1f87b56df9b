namespace PosLoyalty.Panel.Model;

/// <summary>A coupon the customer can use now; the code in the form a person types (with dashes).</summary>
public sealed record ReadyCoupon(string Reward, string Code);
