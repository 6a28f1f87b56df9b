using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using PosLoyalty.Drivers.EscPos.Decoding;
using PosLoyalty.Service.Tap;

namespace PosLoyalty.Service.Tests.Tap;

/// <summary>
/// A running tap: a fake network printer, the printer link's writer loop and the pump over the given POS link source,
/// with hooks that record the receipts they see and return "coupon" bytes numbered by receipt.
/// </summary>
internal sealed class TapRig : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly TempDirectory _spool = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<DecodedReceipt> _atCut = [];
    private readonly List<DecodedReceipt> _afterReceipt = [];
    private Task _writer = Task.CompletedTask;

    private TapRig(FakeTcpPrinter printer, PrinterLink link)
    {
        Printer = printer;
        Link = link;
    }

    public FakeTcpPrinter Printer { get; }

    public PrinterLink Link { get; }

    public ReceiptTapPump Pump { get; private set; } = null!;

    public Task PumpTask { get; private set; } = Task.CompletedTask;

    /// <summary>What the at-cut hook does; by default it returns <see cref="Coupon"/> of the receipt's number.</summary>
    public Func<DecodedReceipt, int, ReadOnlyMemory<byte>> AtCut { get; set; } = (_, n) => Coupon(n);

    /// <summary>Optional: a slip for the pump to print after the n-th receipt's cut, instead of <see cref="AtCut"/>'s bytes.</summary>
    public Func<DecodedReceipt, int, ReadOnlyMemory<byte>>? SlipAfterCut { get; set; }

    /// <summary>What the after-receipt hook returns.</summary>
    public Func<DecodedReceipt, ReadOnlyMemory<byte>> AfterReceipt { get; set; } = _ => Encoding.ASCII.GetBytes("[after]");

    public IReadOnlyList<DecodedReceipt> AtCutReceipts
    {
        get
        {
            lock (_atCut)
            {
                return [.. _atCut];
            }
        }
    }

    public IReadOnlyList<DecodedReceipt> AfterReceipts
    {
        get
        {
            lock (_afterReceipt)
            {
                return [.. _afterReceipt];
            }
        }
    }

    public static byte[] Coupon(int n) => Encoding.ASCII.GetBytes($"\n** COUPON {n} **\n");

    public static TapRig Create(Func<IReceiptDecoder>? decoder = null)
    {
        var printer = new FakeTcpPrinter();
        var rig = new TapRig(printer, PrinterLinkTests.NewLink(printer.Device, Path.GetTempPath()));
        rig.Decoder = decoder ?? (() => new EscPosDecoder());
        return rig;
    }

    public Func<IReceiptDecoder> Decoder { get; private set; } = () => new EscPosDecoder();

    /// <summary>Optional: the capture hub the pump hands its bytes to (set before <see cref="Start"/>).</summary>
    public ReceiptCaptureHub? Captures { get; set; }

    public void Start(IPosLinkSource source)
    {
        Pump = new ReceiptTapPump(
            source,
            Link,
            Decoder,
            (receipt, _) =>
            {
                int n;
                lock (_atCut)
                {
                    _atCut.Add(receipt);
                    n = _atCut.Count;
                }

                return ValueTask.FromResult(SlipAfterCut is { } slip ? CutInsertion.SlipAfterCut(slip(receipt, n)) : CutInsertion.BeforeCut(AtCut(receipt, n)));
            },
            (receipt, _) =>
            {
                lock (_afterReceipt)
                {
                    _afterReceipt.Add(receipt);
                }

                return ValueTask.FromResult(AfterReceipt(receipt));
            },
            new ReceiptTapPumpOptions { AtCutHookTimeout = TimeSpan.FromSeconds(2) },
            TimeProvider.System,
            NullLogger<ReceiptTapPump>.Instance,
            Captures);
        _writer = Link.RunAsync(_stop.Token);
        PumpTask = Pump.RunAsync(_stop.Token);
    }

    public static async Task<TcpClient> ConnectPosAsync(TcpPosLinkListener listener)
    {
        var client = new TcpClient { NoDelay = true };
        await client.ConnectAsync(listener.LocalEndPoint.Address, listener.LocalEndPoint.Port);
        return client;
    }

    /// <summary>The stream with each coupon inserted before its cut, as the printer should receive it.</summary>
    public static byte[] WithCoupons(IEnumerable<(byte[] Bytes, int CutOffset)> receipts, ref int number)
    {
        var expected = new List<byte>();
        foreach (var (bytes, cut) in receipts)
        {
            expected.AddRange(bytes.AsSpan(0, cut));
            expected.AddRange(Coupon(++number));
            expected.AddRange(bytes.AsSpan(cut));
        }

        return [.. expected];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_writer, PumpTask).WaitAsync(Timeout);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        await Link.DisposeAsync();
        await Printer.DisposeAsync();
        _spool.Dispose();
        _stop.Dispose();
    }
}
