using System.Text;
using System.Text.Json;

namespace PosLoyalty.Host.Tests.Till;

/// <summary>
/// A till wired as at a shop for `posloyalty run --headless` as a child process, the one set-up every end-to-end test
/// shares: the scanner on a pty behind a symlink (so it can be unplugged and replugged), the POS on a pty in front of
/// the receipt tap, the receipt printer a fake TCP printer on 127.0.0.1 (or a device string the test gives), a fresh
/// database, and the settings file naming them.
/// </summary>
internal sealed class TillRig : IDisposable
{
    public const string AnnaCard = "20000000042";

    /// <summary>The shop's settings for a till: its id, how long a scanned customer stays active, the late-scan window.</summary>
    public const string DefaultTill = """ "Id": "till-1", "ActiveCustomerTimeout": "00:05:00", "LateScanWindow": "00:03:00" """;

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60); // only catches a hang

    private readonly TillDevices devices;
    private readonly PseudoTerminal? pos;
    private readonly FakeTcpPrinter? printer;
    private PseudoTerminal? scanner;

    /// <summary>Plays <paramref name="devices"/> and writes the default settings for them (<see cref="WriteConfig"/>).</summary>
    /// <param name="devices">The devices to play and configure.</param>
    /// <param name="printerDevice">Printer:Device when the test plays the printer itself; null: the rig's fake TCP printer.</param>
    public TillRig(TillDevices devices = TillDevices.All, string? printerDevice = null)
    {
        this.devices = devices;
        Config = Path.Combine(Cli.Directory, "till.json");
        ScannerLink = Path.Combine(Cli.Directory, "scanner");
        if (devices.HasFlag(TillDevices.Scanner))
        {
            scanner = PseudoTerminal.Open();
            File.CreateSymbolicLink(ScannerLink, scanner.SlavePath);
        }

        if (devices.HasFlag(TillDevices.Pos))
        {
            pos = PseudoTerminal.Open();
        }

        if (devices.HasFlag(TillDevices.Printer))
        {
            printer = printerDevice is null ? new FakeTcpPrinter() : null;
            PrinterDevice = printerDevice ?? printer!.Device;
        }

        WriteConfig();
    }

    public CliFixture Cli { get; } = new();

    /// <summary>The settings file `run` is started with.</summary>
    public string Config { get; }

    public string PanelSocket => Path.Combine(Cli.Directory, "panel.sock");

    /// <summary>Scanner:Device: a symlink to the scanner's pty, as udev's SYMLINK+="pos/scanner" makes one.</summary>
    public string ScannerLink { get; }

    public PseudoTerminal Scanner => scanner ?? throw new InvalidOperationException("this till has no scanner");

    public PseudoTerminal Pos => pos ?? throw new InvalidOperationException("this till has no POS on the tap");

    /// <summary>The rig's own fake TCP printer (not there when the test gave a printer device).</summary>
    public FakeTcpPrinter Printer => printer ?? throw new InvalidOperationException("this till's printer is the test's own");

    public string? PrinterDevice { get; }

    /// <summary>A rig with every device, the printer at <paramref name="printerDevice"/>, and Anna Rossi enrolled by card.</summary>
    public static TillRig WithAnnaEnrolled(string printerDevice)
    {
        var rig = new TillRig(TillDevices.All, printerDevice);
        rig.Cli.Enrol([(AnnaCard, "Anna Rossi")]);
        return rig;
    }

    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "receipts", name));

    /// <summary>Waits until <paramref name="condition"/> holds, polling; false on timeout.</summary>
    public static bool WaitUntil(Func<bool> condition, TimeSpan timeout) => Eventually.Holds(condition, timeout);

    /// <summary>
    /// Writes the settings: the sections of the devices this rig plays, the Panel socket, and what the test adds.
    /// Each argument is the inside of its JSON object (keys without braces); <paramref name="sections"/> are further
    /// whole sections ("PosEvents": { … }).
    /// </summary>
    /// <param name="till">The Till section's keys.</param>
    /// <param name="receiptTap">ReceiptTap keys after Input and Profile.</param>
    /// <param name="printerKeys">Printer keys after Device and Columns.</param>
    /// <param name="sections">Whole further sections, comma-separated.</param>
    public void WriteConfig(
        string till = DefaultTill,
        string receiptTap = "",
        string printerKeys = """ "CouponPlacement": "BeforeCut" """,
        string sections = "")
    {
        var parts = new List<string> { $$""" "Till": { {{till}} }""" };
        if (devices.HasFlag(TillDevices.Scanner))
        {
            parts.Add($$""" "Scanner": { "Device": "{{ScannerLink}}", "BaudRate": 9600 }""");
        }

        if (pos is not null)
        {
            parts.Add($$""" "ReceiptTap": { "Input": "{{pos.SlavePath}}", "Profile": "default"{{Then(receiptTap)}} }""");
        }

        if (PrinterDevice is not null)
        {
            // The cut is held for the sale's commit up to a minute, a deadline that only catches a hang: under load
            // a commit can take longer than the shipped 5 s, and the coupon would go on a slip instead.
            parts.Add($$""" "Printer": { "Device": "{{PrinterDevice}}", "Columns": 42, "CutWaitLimit": "00:01:00"{{Then(printerKeys)}} }""");
        }

        if (!string.IsNullOrWhiteSpace(sections))
        {
            parts.Add(sections);
        }

        parts.Add($$""" "Panel": { "Socket": "{{PanelSocket}}" }""");
        File.WriteAllText(Config, "{\n" + string.Join(",\n", parts) + "\n}\n");
    }

    /// <summary>
    /// Starts `posloyalty run --headless` on the settings and waits until it has opened the scanner and the tap (it puts
    /// their lines in raw mode), connected to the rig's own printer, and, when given, logged <paramref name="readyLog"/>.
    /// </summary>
    public RunningService Start(string? readyLog = null, bool waitForTap = true)
    {
        var service = new RunningService(Cli.Directory, "--config", Config, "--db", Cli.DatabasePath);
        scanner?.WaitUntilRaw(Patience);
        if (waitForTap)
        {
            pos?.WaitUntilRaw(Patience);

            // Until the printer is connected a coupon cannot go in before the cut: it waits in the queue and prints on
            // its own slip after the receipt, as it should. Under load a scan and a receipt can beat the connection,
            // so a test of the cut waits for it, as a cashier's first sale comes long after start.
            if (printer is not null)
            {
                service.WaitForLog($"127.0.0.1:{printer.Port} connected", Patience);
            }
        }

        if (readyLog is not null)
        {
            service.WaitForLog(readyLog, Patience);
        }

        return service;
    }

    /// <summary>Scans a card and waits until the service has identified it at the till.</summary>
    public void Scan(RunningService service, string card = AnnaCard)
    {
        var seen = service.LogLineCount;
        Scanner.Write(Encoding.ASCII.GetBytes(card + "\r\n"));
        service.WaitForLog("identified at till", Patience, seen);
    }

    /// <summary>Unplugs the scanner (its pty closes: the service sees a hang-up) and plugs a new one in behind the same symlink.</summary>
    public void Replug()
    {
        Scanner.Dispose();
        var next = PseudoTerminal.Open();
        var temporary = ScannerLink + ".new";
        File.CreateSymbolicLink(temporary, next.SlavePath);
        File.Move(temporary, ScannerLink, overwrite: true);
        scanner = next;
    }

    /// <summary>`customers show CARD --json`, which must succeed.</summary>
    public JsonElement Show(string card = AnnaCard)
    {
        var result = Cli.MustRun("customers", "show", card, "--json");
        using var document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.Clone();
    }

    public void Dispose()
    {
        printer?.Dispose();
        scanner?.Dispose();
        pos?.Dispose();
        Cli.Dispose();
    }

    private static string Then(string keys) => string.IsNullOrWhiteSpace(keys) ? string.Empty : ", " + keys.Trim();
}
