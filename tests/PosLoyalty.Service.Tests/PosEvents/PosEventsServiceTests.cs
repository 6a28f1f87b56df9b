using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Devices;
using PosLoyalty.Service.Hosting;
using PosLoyalty.Service.PosEvents;
using PosLoyalty.Service.Tests.Tap;
using PosLoyalty.Service.Tests.Till;
using PosLoyalty.Service.Till;

namespace PosLoyalty.Service.Tests.PosEvents;

public sealed class PosEventsServiceTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60); // only catches a hang

    private readonly TillFixture till = new(new TillOptions { Id = "till-1" });
    private readonly PseudoTerminal pos = PseudoTerminal.Open();

    public void Dispose()
    {
        pos.Dispose();
        till.Dispose();
    }

    [Fact]
    public async Task Serial_tty_gets_a_reply_line_for_every_event_line_good_or_bad()
    {
        var board = new DeviceStatusBoard(till.Hub, till.Clock);
        using var service = new PosEventsService(
            new PosEventsOptions { Listen = pos.SlavePath },
            new PosEventDispatcher(till.Session, till.Sales, TillFixture.Rules.ShopCurrency, printCoupons: false, till.Clock, NullLogger<PosEventDispatcher>.Instance),
            board,
            till.Clock,
            NullLoggerFactory.Instance);
        await service.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => board.Snapshot().Any(s => s.Device == DeviceStatusBoard.PosEvents && s.State == DeviceState.Ok), Patience, "the tty is open");

        pos.Write(Encoding.UTF8.GetBytes("not json\n{\"type\":\"sale\",\"receiptNumber\":\"S-1\",\"total\":2.5}\n"));

        var expected = "{\"ok\":false,\"line\":1,\"error\":\"line 1: not valid JSON (byte 1); send one JSON object per line\"}\n"
            + "{\"ok\":true,\"receiptNumber\":\"S-1\",\"result\":\"unclaimed\"}\n";
        var replies = Encoding.UTF8.GetString(pos.ReadExactly(Encoding.UTF8.GetByteCount(expected), Patience));
        await service.StopAsync(CancellationToken.None);

        Assert.Equal(expected, replies);
        Assert.Equal(1, till.Scalar("SELECT COUNT(*) FROM sales WHERE receipt_number = 'S-1' AND source = 'pos-event'"));
    }
}
