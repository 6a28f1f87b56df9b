using System.Text;
using System.Text.Json;

namespace PosLoyalty.Reliability.Infrastructure;

/// <summary>
/// A till wired as at a shop for `posloyalty run --headless`: the scanner on a pty (reached through a symlink, so
/// it can be unplugged and replugged), the POS on a pty in front of the receipt tap, the printer a TCP address.
/// </summary>
internal sealed class TillRig : IDisposable
{
    public const string AnnaCard = "20000000042";
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60); // only catches a hang

    private PseudoTerminal scanner = PseudoTerminal.Open();

    public TillRig(string printerDevice, string? extraSections = null)
    {
        Config = Path.Combine(Cli.Directory, "till.json");
        ScannerLink = Path.Combine(Cli.Directory, "scanner");
        File.CreateSymbolicLink(ScannerLink, scanner.SlavePath);
        File.WriteAllText(Config, $$"""
            {
              "Till": { "Id": "till-1", "ActiveCustomerTimeout": "00:05:00", "LateScanWindow": "00:03:00" },
              "Scanner": { "Device": "{{ScannerLink}}", "BaudRate": 9600 },
              "ReceiptTap": { "Input": "{{Pos.SlavePath}}", "Profile": "default" },
              "Printer": { "Device": "{{printerDevice}}", "Columns": 42, "CouponPlacement": "BeforeCut" },
              {{extraSections}}
              "Panel": { "Socket": "{{Path.Combine(Cli.Directory, "panel.sock")}}" }
            }
            """);
        Cli.Enrol([(AnnaCard, "Anna Rossi")]);
    }

    public CliFixture Cli { get; } = new();

    public PseudoTerminal Pos { get; } = PseudoTerminal.Open();

    public PseudoTerminal Scanner => scanner;

    public string Config { get; }

    public string ScannerLink { get; }

    public static byte[] Fixture(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Fixtures", "receipts", name));

    public RunningService Start(bool waitForTap = true)
    {
        var service = new RunningService(Cli.Directory, "--config", Config, "--db", Cli.DatabasePath);
        scanner.WaitUntilRaw(Patience);
        if (waitForTap)
        {
            Pos.WaitUntilRaw(Patience);
        }

        return service;
    }

    public void Scan(RunningService service, string card = AnnaCard)
    {
        var seen = service.LogLineCount;
        scanner.Write(Encoding.ASCII.GetBytes(card + "\r\n"));
        service.WaitForLog("identified at till", Patience, seen);
    }

    /// <summary>Unplugs the scanner (its pty closes: the service sees a hang-up) and plugs a new one in behind the same symlink.</summary>
    public void Replug()
    {
        scanner.Dispose();
        var next = PseudoTerminal.Open();
        var temporary = ScannerLink + ".new";
        File.CreateSymbolicLink(temporary, next.SlavePath);
        File.Move(temporary, ScannerLink, overwrite: true);
        scanner = next;
    }

    public JsonElement Show(string card = AnnaCard)
    {
        var result = Cli.MustRun("customers", "show", card, "--json");
        using var document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.Clone();
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling; false on timeout.</summary>
    public static bool WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            Thread.Sleep(25);
        }

        return true;
    }

    public void Dispose()
    {
        scanner.Dispose();
        Pos.Dispose();
        Cli.Dispose();
    }
}
