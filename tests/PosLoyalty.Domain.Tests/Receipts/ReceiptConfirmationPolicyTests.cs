using PosLoyalty.Domain.Receipts;

namespace PosLoyalty.Domain.Tests.Receipts;

public sealed class ReceiptConfirmationPolicyTests
{
    private static ReceiptSale Sale(decimal? total, double confidence, ReceiptKind? kind = null, bool copy = false, bool refund = false)
    {
        var sale = new ReceiptSale(total, "€", "1001", null, null, [], null, refund, copy, "TOTAL");
        return sale with { Confidence = confidence, Kind = kind ?? sale.Kind };
    }

    [Fact]
    public void A_sale_read_with_less_confidence_than_the_threshold_waits_for_the_cashier()
    {
        var policy = new ReceiptConfirmationPolicy(0.6, null);
        Assert.True(policy.NeedsConfirmation(Sale(12m, 0.59)));
        Assert.False(policy.NeedsConfirmation(Sale(12m, 0.6)));
        Assert.Equal("confidence 0.42 below 0.60", policy.WhyConfirm(12m, 0.42));
    }

    [Fact]
    public void A_sale_above_the_amount_limit_waits_however_sure_the_reader_is()
    {
        var policy = new ReceiptConfirmationPolicy(0.6, 200m);
        Assert.True(policy.NeedsConfirmation(Sale(200.01m, 1d)));
        Assert.False(policy.NeedsConfirmation(Sale(200m, 1d)));
        Assert.Equal("total 250.00 above 200.00", policy.WhyConfirm(250m, 1d));
        Assert.Equal("confidence 0.10 below 0.60; total 250.00 above 200.00", policy.WhyConfirm(250m, 0.1));
    }

    [Fact]
    public void No_limit_by_default_and_a_sure_sale_is_credited()
    {
        Assert.Null(ReceiptConfirmationPolicy.Default.ConfirmSalesAbove);
        Assert.Null(ReceiptConfirmationPolicy.Default.WhyConfirm(999_999m, 1d));
    }

    [Theory]
    [InlineData(ReceiptKind.Report)]
    [InlineData(ReceiptKind.Kitchen)]
    [InlineData(ReceiptKind.Order)]
    [InlineData(ReceiptKind.Test)]
    [InlineData(ReceiptKind.Tip)]
    [InlineData(ReceiptKind.Voucher)]
    [InlineData(ReceiptKind.Other)]
    public void A_non_sale_never_waits_because_it_is_never_credited(ReceiptKind kind)
    {
        var policy = new ReceiptConfirmationPolicy(1d, 1m);
        Assert.False(policy.NeedsConfirmation(Sale(1284.50m, 0.1, kind)));
    }

    [Fact]
    public void A_copy_or_refund_never_waits()
    {
        var policy = new ReceiptConfirmationPolicy(1d, 1m);
        Assert.False(policy.NeedsConfirmation(Sale(50m, 0.1, copy: true)));
        Assert.False(policy.NeedsConfirmation(Sale(-50m, 0.1, refund: true)));
    }
}
