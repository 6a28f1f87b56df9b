namespace PosLoyalty.Host.Tests.Deploy;

/// <summary>
/// A network ESC/POS printer on 127.0.0.1 (the shared <see cref="FakeTcpPrinter"/>) that answers DLE EOT n (10 04 n)
/// with one status byte per n, as the Epson command reference describes: n=1 printer, n=2 offline cause, n=4 paper roll sensor.
/// </summary>
internal sealed class FakeStatusPrinter : IDisposable
{
    /// <summary>0xx1xx10b with no flag set: the fixed bits of every real-time status byte.</summary>
    public const byte Fixed = 0x12;

    private readonly FakeTcpPrinter printer = new();

    public FakeStatusPrinter(byte printer = Fixed, byte offlineCause = Fixed, byte paper = Fixed)
    {
        var answers = new Dictionary<byte, byte> { [1] = printer, [2] = offlineCause, [4] = paper };
        this.printer.StatusAnswer = n => answers.TryGetValue(n, out var answer) ? answer : null;
    }

    public string Device => printer.Device;

    public int Requests => printer.StatusRequestsAnswered;

    public void Dispose() => printer.Dispose();
}
