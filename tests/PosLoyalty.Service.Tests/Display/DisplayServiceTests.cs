using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Devices;
using PosLoyalty.Service.Display;
using PosLoyalty.Service.Hosting;
using PosLoyalty.Service.Tests.Tap;
using PosLoyalty.Service.Tests.Till;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Service.Tests.Display;

public sealed class DisplayServiceTests : IDisposable
{
    private readonly TillFixture till = new();

    public void Dispose() => till.Dispose();

    [Fact]
    public async Task Pole_display_on_a_serial_port_greets_the_scanned_customer_and_shows_the_sale()
    {
        till.Enrol("Anna Rossi", "20000000042");
        using var pty = PseudoTerminal.Open();
        var service = new DisplayService(new DisplayOptions { Device = pty.SlavePath }, till.Hub, new DeviceStatusBoard(till.Hub, TimeProvider.System), TimeProvider.System, NullLogger<DisplayService>.Instance);
        using var stop = new CancellationTokenSource();
        await service.StartAsync(stop.Token);

        var shown = new StringBuilder();
        var initialise = pty.ReadExactly(2, TimeSpan.FromSeconds(60)); // ESC @ (CD5220 initialise) once the port is open
        Assert.Equal(new byte[] { 0x1B, 0x40 }, initialise);
        till.Session.HandleScan("20000000042");
        shown.Append(ReadUntil(pty, "Anna Rossi!"));
        till.Session.HandleReceipt(till.Receipt(5.30m), SaleRecording.Receipt(null, printCoupons: false));
        shown.Append(ReadUntil(pty, "pts"));

        Assert.Contains("Welcome back,", shown.ToString(), StringComparison.Ordinal);
        await stop.CancelAsync();
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void Display_text_fits_20_columns_and_says_nothing_private()
    {
        till.Enrol("Bartholomew Featherstonehaugh-Smythe", "20000000059");
        till.Customers.AddNote(till.Customers.Resolve("20000000059"), "Going through a divorce", pinned: true);

        var identified = till.Session.HandleScan("20000000059");
        var text = PoleDisplayText.For(identified);

        Assert.NotNull(text);
        Assert.True(text.Value.Upper.Length <= 20 && text.Value.Lower.Length <= 20);
        Assert.DoesNotContain("divorce", text.Value.Upper + text.Value.Lower, StringComparison.Ordinal);
        Assert.Null(PoleDisplayText.For(new ScanRefused(DateTimeOffset.UnixEpoch, "no")));
    }

    [Fact]
    public void Display_shows_a_card_in_debt_in_words_not_as_a_negative_count()
    {
        var card = new StampCardView("coffee", "Coffee", 0, 10, "Free coffee", Owed: 9);
        var outcome = new SaleOutcome("till-1", "R1", new Domain.Values.CustomerId(1), false, new Domain.Values.Points(4), new Domain.Values.Points(40), [card], [], new Domain.Rules.TierStatus(null, 1m, 0m, null, null), [], "Ada");

        var text = PoleDisplayText.For(new SaleRecorded(DateTimeOffset.UnixEpoch, outcome));

        Assert.NotNull(text);
        Assert.Equal("Coffee owes 9", text.Value.Lower);
        Assert.DoesNotContain("-", text.Value.Upper + text.Value.Lower, StringComparison.Ordinal);
    }

    private static string ReadUntil(PseudoTerminal pty, string wanted)
    {
        var seen = new StringBuilder();
        var deadline = DateTime.UtcNow.AddSeconds(60); // only catches a hang
        while (!seen.ToString().Contains(wanted, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the display never showed '{wanted}'; it got: {seen}");
            try
            {
                seen.Append(Encoding.Latin1.GetString(pty.ReadExactly(1, TimeSpan.FromSeconds(1))));
            }
            catch (TimeoutException)
            {
                // keep waiting until the deadline
            }
        }

        return seen.ToString();
    }
}
