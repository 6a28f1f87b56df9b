using System.Text;
using PosLoyalty.Host.Tests.Till;

namespace PosLoyalty.Host.Tests.Panel;

/// <summary>
/// Issue #5's acceptance, against the real executable: `posloyalty panel` in a 120×40 tmux window attached to
/// `posloyalty run --headless`, with the scanner on a real pseudo-terminal.
/// </summary>
[Trait("Category", "Slow")]
public sealed class PanelTmuxTests : IDisposable
{
    private const string AnnaCard = "20000000042";
    private const string PinnedNote = "Ask about the graduation";
    private const string MarcoCard = "20000000117";
    private const string MarcoNote = "Oat milk, always";
    private const int AlternateScans = 3;
    // Only catches a hang: on a loaded machine (other test assemblies, kill -9 storms) a screen may take seconds.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // The scanner's row on the idle screen comes from the service: the panel is attached.
    private const string Connected = "✓ ok";

    private const string ShellPrompt = "till$ ";

    private readonly CliFixture cli = new();
    private readonly PseudoTerminal scanner = PseudoTerminal.Open();
    private readonly string config;

    public PanelTmuxTests()
    {
        config = Path.Combine(cli.Directory, "till.json");
        File.WriteAllText(config, $$"""
            {
              "Till": { "Id": "till-1" },
              "Scanner": { "Device": "{{scanner.SlavePath}}", "BaudRate": 9600 },
              "Panel": { "Socket": "{{SocketPath}}" }
            }
            """);
        Assert.Equal(0, cli.Run("customers", "add", "--card", AnnaCard, "--name", "Anna Rossi", "--greeting", "Mrs Rossi").ExitCode);
        Assert.Equal(0, cli.Run("customers", "note", AnnaCard, PinnedNote, "--pin").ExitCode);
        Assert.Equal(0, cli.Run("customers", "add", "--card", MarcoCard, "--name", "Marco Bianchi", "--greeting", "Marco").ExitCode);
        Assert.Equal(0, cli.Run("customers", "note", MarcoCard, MarcoNote, "--pin").ExitCode);
    }

    private string SocketPath => Path.Combine(cli.Directory, "panel.sock");

    public void Dispose()
    {
        scanner.Dispose();
        cli.Dispose();
    }

    [TmuxFact]
    public void Scan_shows_the_greeting_and_pinned_note_at_once_and_an_unknown_card_offers_enrolment()
    {
        using var service = StartService();
        using var tmux = StartPanel();

        Scan(AnnaCard);
        tmux.WaitFor(Patience, "Mrs Rossi", PinnedNote);
        for (var i = 0; i < AlternateScans; i++)
        {
            // Alternate two cards: the scanner drops the same code read twice within its 500 ms debounce window. Each
            // scan replaces the card on screen. How fast is measured by tests/PosLoyalty.Benchmarks/panel-latency.py
            // against the Release build (BENCHMARKS.md, "The Terminal.Gui panel"), not here.
            Scan(MarcoCard);
            tmux.WaitFor(Patience, "Marco", MarcoNote);
            Assert.DoesNotContain(PinnedNote, tmux.Screen(), StringComparison.Ordinal);
            Scan(AnnaCard);
            tmux.WaitFor(Patience, "Mrs Rossi", PinnedNote);
            Assert.DoesNotContain(MarcoNote, tmux.Screen(), StringComparison.Ordinal);
        }

        Scan("20000000999");
        tmux.WaitFor(Patience, "Nobody is enrolled with this card yet", "E to enrol, card •••• 0999");
    }

    [TmuxFact]
    public void Enrol_note_find_redeem_and_manual_sale_work_by_keys()
    {
        using var service = StartService();
        using var tmux = StartPanel();

        // E: enrol the unknown card by keys.
        Scan("20000000999");
        tmux.WaitFor(Patience, "Nobody is enrolled with this card yet");
        tmux.Keys("E");
        tmux.WaitFor(Patience, "Enrol a customer · card •••• 0999");
        tmux.Type("Lena Vogt");
        tmux.Keys("Tab");
        tmux.Type("Lena");
        tmux.Keys("Enter");
        tmux.WaitFor(Patience, "Welcome, Lena", "Lena Vogt", "•••• 0999");
        Assert.Contains("Lena Vogt", cli.Run("customers", "show", "20000000999").Stdout, StringComparison.Ordinal);
        Assert.Contains("Lena Vogt", cli.Run("customers", "find", "Lena Vogt").Stdout, StringComparison.Ordinal);

        // N: a note, shown on the card as soon as it is saved.
        tmux.Keys("N");
        tmux.WaitFor(Patience, "Note for Lena Vogt");
        tmux.Type("Likes jazz on Fridays");
        tmux.Keys("Enter");
        tmux.WaitFor(Patience, "Note saved.", "Likes jazz on Fridays");

        // F: find Anna without her card, open her.
        tmux.Keys("F");
        tmux.WaitFor(Patience, "Find a customer");
        tmux.Type("Rossi");
        tmux.Keys("Enter");
        tmux.WaitFor(Patience, "Anna Rossi", "•••• 0042");
        tmux.Keys("Enter");
        tmux.WaitFor(Patience, "Mrs Rossi", PinnedNote);

        // R: a mistyped coupon is refused with the reason; the panel stays usable.
        tmux.Keys("R");
        tmux.WaitFor(Patience, "Redeem a coupon");
        tmux.Type("ABCD");
        tmux.Keys("Enter");
        tmux.WaitFor(Patience, "not redeemed");

        // S: a manual sale for Anna, recorded and shown.
        tmux.Keys("S");
        tmux.WaitFor(Patience, "Manual sale for Anna Rossi");
        tmux.Type("4.50");
        tmux.Keys("Enter");
        tmux.WaitFor(Patience, "Sale recorded: +4 points");
        Assert.Contains("visits: 1", cli.Run("customers", "show", AnnaCard).Stdout, StringComparison.Ordinal);
    }

    [TmuxFact]
    public void Panel_says_the_service_is_away_and_reconnects_when_it_restarts()
    {
        using var tmux = StartPanelWithoutService();
        tmux.WaitFor(Patience, "service not running — retrying");

        using (var first = StartService())
        {
            tmux.WaitFor(Patience, "Waiting for a card", Connected);
            tmux.WaitUntilGone(Patience, "retrying");
            first.KillHard();
        }

        tmux.WaitFor(Patience, "service not running — retrying");
        using var second = StartService();
        tmux.WaitUntilGone(Patience, "retrying");
        Scan(AnnaCard);
        tmux.WaitFor(Patience, "Mrs Rossi", PinnedNote);
    }

    [TmuxFact]
    public void Panel_redraws_for_the_new_size_when_the_terminal_is_resized()
    {
        using var service = StartService();
        using var tmux = StartPanel();
        Scan(AnnaCard);
        tmux.WaitFor(Patience, "Mrs Rossi", PinnedNote);
        Assert.Contains(new string('━', 118), tmux.Screen(), StringComparison.Ordinal);

        tmux.Resize(80, 24);
        // Wait for the whole new frame (its last line is the status bar): a capture mid-redraw shows only its top.
        tmux.WaitFor(Patience, "┏" + new string('━', 78) + "┓", "Mrs Rossi", "q  quit");
        var narrow = tmux.Screen().Split('\n');
        Assert.DoesNotContain(narrow, line => line.Contains(new string('━', 79), StringComparison.Ordinal));
        Assert.Contains(narrow, line => line.Contains("q  quit", StringComparison.Ordinal)); // the status bar fits, on its own rows

        tmux.Resize(120, 40);
        tmux.WaitFor(Patience, "┏" + new string('━', 118) + "┓", "Mrs Rossi");
    }

    /// <summary>
    /// The tty1 kiosk is the Linux console (TERM=linux), whose F1–F5 are ESC [ [ A … ESC [ [ E, not xterm's. The panel
    /// binds no F-key, and such a sequence must not be read as its last letter (A would open the points form):
    /// after all five the next key still opens its own dialog, and the console's arrows and Enter drive the list.
    /// </summary>
    [TmuxFact]
    public void Linux_console_key_sequences_open_nothing_and_its_arrows_and_Enter_work()
    {
        using var service = StartService();
        using var tmux = new Tmux("TERM=linux " + Tmux.Posloyalty("panel", "--config", config, "--db", cli.DatabasePath));
        tmux.WaitFor(Patience, "Waiting for a card", Connected);
        Scan(AnnaCard);
        tmux.WaitFor(Patience, "Mrs Rossi", PinnedNote);

        foreach (var functionKey in new[] { "\u001b[[A", "\u001b[[B", "\u001b[[C", "\u001b[[D", "\u001b[[E" })
        {
            tmux.Type(functionKey);
        }

        tmux.Type("f");
        tmux.WaitFor(Patience, "Find a customer");
        Assert.DoesNotContain("Adjust points", tmux.Screen(), StringComparison.Ordinal);
        Assert.DoesNotContain("Enrol a customer", tmux.Screen(), StringComparison.Ordinal);
        tmux.Type("Marco");
        tmux.Type("\r");
        tmux.WaitFor(Patience, "Marco Bianchi");
        tmux.Type("\u001b[B\u001b[A");
        tmux.Type("\r");
        tmux.WaitFor(Patience, "Welcome, Marco", MarcoNote);
    }

    /// <summary>
    /// Ctrl+C, with a half-typed note open, quits the way Q does: the terminal is in raw mode, so Ctrl+C is a key (not
    /// SIGINT), and the process exits with 0. The shell the panel was started from is back as it was: main screen,
    /// cursor shown, typed characters echoed and lines read.
    /// </summary>
    [TmuxFact]
    public void Ctrl_C_in_a_form_quits_with_0_and_gives_the_shell_back()
    {
        using var service = StartService();
        using var tmux = StartInShell(service, "panel");
        Scan(AnnaCard);
        tmux.WaitFor(Patience, "Mrs Rossi", PinnedNote);
        tmux.Keys("N");
        tmux.WaitFor(Patience, "Note for Anna Rossi");
        tmux.Type("half a no");

        QuitsWithCtrlC(tmux);
    }

    [TmuxFact]
    public void Ctrl_C_quits_the_customer_view_with_0_and_gives_the_shell_back()
    {
        using var service = StartService();
        using var tmux = StartInShell(service, "panel", "--customer-view");
        Scan(AnnaCard);
        tmux.WaitFor(Patience, "Mrs Rossi");

        QuitsWithCtrlC(tmux);
    }

    private static void QuitsWithCtrlC(Tmux tmux)
    {
        Assert.Equal("1", tmux.Pane("#{alternate_on}"));
        tmux.Keys("C-c");
        tmux.WaitFor(Patience, "panel exited with 0\n" + ShellPrompt.TrimEnd()); // capture-pane drops a line's trailing space
        Assert.Equal("0", tmux.Pane("#{alternate_on}"));
        Assert.Equal("1", tmux.Pane("#{cursor_flag}"));

        // The shell reads and echoes again: the command typed is shown, and runs.
        tmux.Type("echo back-$((6*7))");
        tmux.Keys("Enter");
        tmux.WaitFor(Patience, ShellPrompt + "echo back-$((6*7))\nback-42\n" + ShellPrompt.TrimEnd());
    }

    /// <summary>An interactive shell in the window, and the panel started from it as a cashier would type it; the shell prints its exit code.</summary>
    private Tmux StartInShell(RunningService service, params string[] args)
    {
        var tmux = new Tmux("PS1=" + Tmux.Quote(ShellPrompt) + " sh -i");
        tmux.WaitFor(Patience, ShellPrompt.TrimEnd());
        tmux.Type(Tmux.Posloyalty([.. args, "--config", config, "--db", cli.DatabasePath]) + "; echo \"panel exited with $?\"");
        tmux.Keys("Enter");
        service.WaitForLog("Panel attached", Patience);
        return tmux;
    }

    private RunningService StartService()
    {
        var service = new RunningService(cli.Directory, "--config", config, "--db", cli.DatabasePath);
        scanner.WaitUntilRaw(Patience);
        service.WaitForLog("Panel socket listening", Patience);
        return service;
    }

    private Tmux StartPanel()
    {
        var tmux = StartPanelWithoutService();
        tmux.WaitFor(Patience, "Waiting for a card", Connected);
        return tmux;
    }

    private Tmux StartPanelWithoutService() =>
        new(Tmux.Posloyalty("panel", "--config", config, "--db", cli.DatabasePath));

    private void Scan(string card) => scanner.Write(Encoding.ASCII.GetBytes(card + "\r\n"));
}
