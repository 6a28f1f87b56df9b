namespace PosLoyalty.Reliability.Infrastructure;

/// <summary>
/// A network receipt printer on 127.0.0.1 (the shared <see cref="FakeTcpPrinter"/>) that answers each real-time status
/// request DLE EOT n (10 04 n) with one byte, as an Epson TM printer does (ESC/POS Command Reference, DLE EOT):
/// fixed bits 0x12, plus n=1 bit 3 offline, n=2 bit 2 cover open / bit 5 stopped at paper end, n=4 bits 5–6 paper end.
/// </summary>
internal sealed class StatusTcpPrinter : IDisposable
{
    private readonly FakeTcpPrinter printer = new();

    public StatusTcpPrinter() => printer.StatusAnswer = n => n is 1 or 2 or 4 ? Answer(Condition, n) : null;

    public string Device => printer.Device;

    public PrinterCondition Condition { get; set; } = PrinterCondition.Ready;

    public int StatusRequestsAnswered => printer.StatusRequestsAnswered;

    public byte[] Received => printer.Received;

    public static byte Answer(PrinterCondition condition, byte n) => (condition, n) switch
    {
        (PrinterCondition.Ready, _) => 0x12,
        (_, 1) => 0x1A,
        (PrinterCondition.PaperEnd, 2) => 0x32,
        (PrinterCondition.PaperEnd, 4) => 0x72,
        (PrinterCondition.CoverOpen, 2) => 0x16,
        _ => 0x12,
    };

    public void Dispose() => printer.Dispose();
}
