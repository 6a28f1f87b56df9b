using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Service.Tests.Panel;

/// <summary>A sale waiting for the cashier reaches the panel over the real socket, and the panel's keys decide it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PanelPendingSalesTests
{
    private const string AnnaCard = "20000000042";
    private static readonly CurrencyCode Eur = CurrencyCode.Parse("EUR");

    [Fact]
    public async Task A_held_sale_shows_with_the_customers_greeting_and_confirm_from_the_panel_credits_it_once()
    {
        await using var server = await PanelServer.StartAsync();
        var anna = server.Get<CustomerRepository>().Enrol(new NewCustomer(CardNumber.Parse(AnnaCard), "Anna Rossi", "Mrs Rossi"));
        using var panel = await server.ConnectAsync();
        await panel.WaitForAsync("pendingSales", e => e.GetProperty("sales").GetArrayLength() == 0);
        var session = server.Get<TillSession>();
        session.HandleScan(AnnaCard);

        var held = Assert.IsType<SalePending>(session.HandleReceipt(Receipt("R9001", 42m), SaleRecording.Receipt(null, printCoupons: false), confidence: 0.3));
        var shown = await panel.WaitForAsync("pendingSales", e => e.GetProperty("sales").GetArrayLength() == 1);
        var sale = shown.GetProperty("sales")[0];
        Assert.Equal(held.Sale.Id, sale.GetProperty("id").GetInt64());
        Assert.Equal("Mrs Rossi", sale.GetProperty("customerName").GetString());
        Assert.Equal("confidence 0.30 below 0.60", sale.GetProperty("reason").GetString());

        panel.Send($$"""{"type":"confirmPending","pendingId":{{held.Sale.Id}}}""");
        await panel.WaitForAsync("pendingSales", e => e.GetProperty("sales").GetArrayLength() == 0); // the decision, then the sale it credited
        var completed = await panel.WaitForAsync("saleCompleted");
        panel.Send($$"""{"type":"confirmPending","pendingId":{{held.Sale.Id}}}""");
        var again = await panel.WaitForAsync("message", e => e.GetProperty("text").GetString()!.Contains("nothing changed", StringComparison.Ordinal));

        Assert.Equal(42, completed.GetProperty("outcome").GetProperty("pointsEarned").GetInt64());
        Assert.False(again.GetProperty("isError").GetBoolean());
        Assert.Equal(42, server.Get<CustomerRepository>().GetProfile(anna).Balance.Value);
    }

    [Fact]
    public async Task Drop_from_the_panel_credits_nothing()
    {
        await using var server = await PanelServer.StartAsync();
        var anna = server.Get<CustomerRepository>().Enrol(new NewCustomer(CardNumber.Parse(AnnaCard), "Anna Rossi", "Mrs Rossi"));
        var session = server.Get<TillSession>();
        session.HandleScan(AnnaCard);
        var held = Assert.IsType<SalePending>(session.HandleReceipt(Receipt("R9002", 42m), SaleRecording.Receipt(null, printCoupons: false), confidence: 0.3));
        using var panel = await server.ConnectAsync();
        await panel.WaitForAsync("pendingSales", e => e.GetProperty("sales").GetArrayLength() == 1); // on attach

        panel.Send($$"""{"type":"dropPending","pendingId":{{held.Sale.Id}}}""");

        // The message and the emptied list come on two paths, so in either order (pair x3b saw the list first).
        await panel.WaitForEachAsync(
            ("message", e => e.GetProperty("text").GetString()!.Contains("dropped", StringComparison.Ordinal)),
            ("pendingSales", e => e.GetProperty("sales").GetArrayLength() == 0));
        Assert.Equal(0, server.Get<CustomerRepository>().GetProfile(anna).Balance.Value);
        Assert.Equal(PendingSaleState.Dropped, server.Get<PendingSales>().Get(held.Sale.Id).State);
    }

    private static TillReceipt Receipt(string number, decimal total) =>
        new(TillReceiptKind.Sale, Sale.Create("till-1", number, new Money(total, Eur), TimeProvider.System.GetUtcNow(), []), Copy: false, ReceiptCurrency: null);
}
