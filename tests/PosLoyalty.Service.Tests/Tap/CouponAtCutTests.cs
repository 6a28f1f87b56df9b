using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Devices;
using PosLoyalty.Service.Hosting;
using PosLoyalty.Service.Printing;
using PosLoyalty.Service.Tap;
using PosLoyalty.Service.Tests.Hosting;
using PosLoyalty.Service.Tests.Till;
using PosLoyalty.Service.Till;
using PosLoyalty.Testing;

namespace PosLoyalty.Service.Tests.Tap;

/// <summary>
/// The coupon at the cut end to end over real parts: a SQLite file, the till session, the production hook
/// (<see cref="SaleAtCut"/>), the pump on a TCP POS link and a TCP printer. A receipt of eight coffees fills the shipped
/// rules' coffee card (two boxes pre-stamped), so its sale issues one coupon.
/// </summary>
public sealed class CouponAtCutTests : IAsyncDisposable
{
    private const string Card = "20000000042";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly byte[] Cut = [0x1D, 0x56, 66, 0];
    private static readonly byte[] Initialize = [0x1B, 0x40];

    private readonly TillFixture till = new();
    private readonly TempDirectory spool = new();
    private readonly FakeTcpPrinter printer = new();
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> running = [];
    private readonly PrinterLink link;
    private readonly PrinterOptions printerOptions;
    private readonly CouponPrinter coupons;
    private readonly ReceiptReader reader = new(BuiltInReceiptProfiles.Default, 437);
    private PrinterService? service;

    public CouponAtCutTests()
    {
        link = PrinterLinkTests.NewLink(printer.Device, spool.Path);
        printerOptions = new PrinterOptions { Device = printer.Device, CouponPlacement = CouponPlacement.BeforeCut, ShopName = "Cafe Rossi" };
        coupons = new CouponPrinter(link, new CouponSlipRenderer(printerOptions), till.PrintQueue, till.Customers, Options.Create(new TillOptions()), NullLogger<CouponPrinter>.Instance);
    }

    [Fact]
    public async Task Queue_drain_between_the_sales_commit_and_the_cut_prints_no_slip_before_the_POS_cut()
    {
        till.Enrol("Anna Rossi", Card);
        till.Session.HandleScan(Card);
        int? drained = null;

        // The old race, driven in order: the sale has committed (the event that woke the printer service's drain) and
        // the pump still holds the POS's cut. The drain runs to its end before the pump goes on.
        var atCut = NewSaleAtCut(async committed =>
        {
            Assert.IsType<SaleRecorded>(committed);
            drained = await coupons.PrintPendingAsync(stop.Token);
        });
        running.Add(link.RunAsync(stop.Token));
        await Eventually.TrueAsync(() => coupons.CanPrintNow, Patience, "the printer link connected");
        using var pos = await StartPumpAsync(atCut, new FakeTimeProvider());

        var receipt = Receipt("1001");
        await SendAsync(pos, receipt);
        await Eventually.TrueAsync(() => till.Scalar("SELECT COUNT(*) FROM coupons WHERE print_state = 'printed'") == 1, Patience, "the coupon was marked printed");
        await Eventually.TrueAsync(() => EndsWith(printer.Received, Cut), Patience, "the POS's cut reached the printer");

        byte[] printed = printer.Received;
        int posCut = printed.Length - Cut.Length;
        Assert.Equal(receipt[..^Cut.Length], printed[..(receipt.Length - Cut.Length)]); // the POS's bytes first, unaltered
        Assert.DoesNotContain(Initialize, Windows(printed[Initialize.Length..posCut])); // no printer reset inside the receipt
        Assert.DoesNotContain(Cut[..2], Windows(printed[..posCut])); // and no cut of ours before the POS's
        Assert.Equal(1, Occurrences(printed, "Thank you, Anna Rossi!")); // the coupon once, greeted from the sale's outcome
        Assert.Equal(1, till.Scalar("SELECT print_count FROM coupons"));
        Assert.Equal(0, drained); // the drain ran, and found the sale's coupon already claimed
    }

    [Fact]
    public async Task Hung_database_at_the_cut_lets_the_POS_bytes_through_unaltered_and_the_coupon_prints_afterwards_once()
    {
        till.Enrol("Anna Rossi", Card);
        till.Session.HandleScan(Card);
        var board = new DeviceStatusBoard(till.Hub, till.Clock);
        service = new PrinterService(link, coupons, board, till.Hub, NullLogger<PrinterService>.Instance);
        await service.StartAsync(stop.Token);
        await Eventually.TrueAsync(() => coupons.CanPrintNow, Patience, "the printer link connected");
        var pumpClock = new WaitSignallingTimeProvider(TillFixture.Start);
        using var pos = await StartPumpAsync(NewSaleAtCut(), pumpClock);

        // Another writer holds the database: the sale at the cut waits for its lock.
        var blocker = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = till.DatabasePath, Pooling = false }.ToString());
        await blocker.OpenAsync();
        using (var begin = blocker.CreateCommand())
        {
            begin.CommandText = "BEGIN IMMEDIATE";
            begin.ExecuteNonQuery();
        }

        var receipt = Receipt("1002");
        await SendAsync(pos, receipt);
        await pumpClock.NextWaitAsync(); // the pump started the hook's timeout
        pumpClock.Advance(new ReceiptTapPumpOptions().AtCutHookTimeout);
        await printer.WaitForBytesAsync(receipt.Length, Patience);
        Assert.Equal(receipt, printer.Received); // every POS byte, the cut included, and nothing added
        Assert.Equal(0, till.Scalar("SELECT COUNT(*) FROM sales"));

        using (var rollback = blocker.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }

        await blocker.DisposeAsync();
        await Eventually.TrueAsync(() => till.Scalar("SELECT COUNT(*) FROM coupons WHERE print_state = 'printed'") == 1, Patience, "the coupon was printed after the receipt");
        var slip = new CouponSlipRenderer(printerOptions).Render(Assert.Single(till.Coupons.List(null)), "Anna Rossi", standAlone: true);
        await printer.WaitForBytesAsync(receipt.Length + slip.Length, Patience);

        // The POS's receipt whole, then the coupon on a slip of its own (ESC @ … cut), once.
        Assert.Equal([.. receipt, .. slip], printer.Received);
        Assert.Equal(Initialize, slip[..Initialize.Length]);
        Assert.Equal(1, Occurrences(printer.Received, "Thank you, Anna Rossi!"));
        Assert.Equal(1, till.Scalar("SELECT print_count FROM coupons"));
        Assert.Equal(1, till.Scalar("SELECT COUNT(*) FROM sales WHERE customer_id IS NOT NULL"));
    }

    public async ValueTask DisposeAsync()
    {
        if (service is not null)
        {
            await service.StopAsync(CancellationToken.None);
            service.Dispose();
        }

        await stop.CancelAsync();
        try
        {
            await Task.WhenAll(running).WaitAsync(Patience);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        await link.DisposeAsync();
        await printer.DisposeAsync();
        till.Dispose();
        spool.Dispose();
        stop.Dispose();
    }

    /// <summary>A receipt of eight coffees with its number, ended by a full cut (GS V 66 0).</summary>
    private static byte[] Receipt(string number)
    {
        var text = new StringBuilder("Cafe Rossi\nReceipt No: " + number + "\n");
        for (int i = 0; i < 8; i++)
        {
            text.Append("Coffee                    3.50\n");
        }

        text.Append("TOTAL                    28.00\n\n");
        return [.. Initialize, .. Encoding.ASCII.GetBytes(text.ToString()), .. Cut];
    }

    private static bool EndsWith(byte[] bytes, byte[] end) => bytes.AsSpan().EndsWith(end);

    private static IEnumerable<byte[]> Windows(byte[] bytes) => Enumerable.Range(0, Math.Max(0, bytes.Length - 1)).Select(i => bytes[i..(i + 2)]);

    private static int Occurrences(byte[] bytes, string text)
    {
        string printed = Encoding.Latin1.GetString(bytes);
        int count = 0;
        for (int at = printed.IndexOf(text, StringComparison.Ordinal); at >= 0; at = printed.IndexOf(text, at + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static async Task SendAsync(TcpClient pos, byte[] bytes) => await pos.GetStream().WriteAsync(bytes);

    private SaleAtCut NewSaleAtCut(Func<TillEvent?, ValueTask>? committed = null) =>
        new(reader, till.Session, TillFixture.Rules, printerOptions, coupons, till.Clock, NullLogger.Instance, stop.Token) { SaleCommitted = committed };

    private async Task<TcpClient> StartPumpAsync(SaleAtCut atCut, TimeProvider pumpClock)
    {
        var listener = TcpPosLinkListener.Start("127.0.0.1", 0);
        var pump = new ReceiptTapPump(listener, link, reader.CreateDecoder, atCut.AtCutAsync, atCut.AfterUncutReceiptAsync, null, pumpClock, NullLogger<ReceiptTapPump>.Instance);
        running.Add(RunThenDisposeAsync(pump, listener));
        return await TapRig.ConnectPosAsync(listener);
    }

    private async Task RunThenDisposeAsync(ReceiptTapPump pump, TcpPosLinkListener listener)
    {
        await using (listener)
        {
            await pump.RunAsync(stop.Token);
        }
    }
}
