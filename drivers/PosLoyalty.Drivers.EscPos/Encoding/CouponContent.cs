namespace PosLoyalty.Drivers.EscPos;

/// <summary>What a printed reward coupon says.</summary>
/// <param name="ShopName">Printed centred, bold, double size.</param>
/// <param name="Greeting">"Thank you, Anna!" — one or two lines.</param>
/// <param name="RewardText">"Free coffee" — printed large.</param>
/// <param name="CouponCode">Printable ASCII, at most <see cref="CouponLayout.MaxCodeLength"/> characters; printed as CODE128, QR and text.</param>
/// <param name="ExpiresOn">Last day the coupon is valid.</param>
/// <param name="Terms">Small print, word-wrapped to the paper width.</param>
public sealed record CouponContent(
    string ShopName,
    string Greeting,
    string RewardText,
    string CouponCode,
    DateOnly ExpiresOn,
    string Terms);
