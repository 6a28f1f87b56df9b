using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace PosLoyalty.Host.Tests.Deploy;

/// <summary>`posloyalty doctor` on configured devices: a real pty, a missing path, a file without permission, a TCP printer answering DLE EOT.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DoctorDevicesTests : IDisposable
{
    private readonly CliFixture cli = new();
    private readonly string config;

    public DoctorDevicesTests()
    {
        config = Path.Combine(cli.Directory, "till.json");
        Assert.Equal(0, cli.Run("customers", "add", "--card", "20000000042", "--name", "Anna Rossi").ExitCode);
    }

    public void Dispose() => cli.Dispose();

    [Fact]
    public void A_pty_scanner_behind_a_udev_style_symlink_exists_opens_and_is_healthy()
    {
        using var pty = PseudoTerminal.Open();
        var link = Path.Combine(cli.Directory, "scanner");
        File.CreateSymbolicLink(link, pty.SlavePath);
        WriteConfig($$"""{ "Scanner": { "Device": "{{link}}", "BaudRate": 9600 } }""");

        var (exit, doc) = Doctor();

        var scanner = Device(doc, "Scanner:Device");
        Assert.True(scanner.GetProperty("exists").GetBoolean());
        Assert.Equal(pty.SlavePath, scanner.GetProperty("symlinkTarget").GetString());
        Assert.Equal("tty", scanner.GetProperty("kind").GetString());
        Assert.True(scanner.GetProperty("canRead").GetBoolean());
        Assert.True(scanner.GetProperty("canWrite").GetBoolean());
        Assert.Equal("ok", scanner.GetProperty("open").GetString());
        Assert.True(scanner.GetProperty("healthy").GetBoolean(), doc.ToString());
        Assert.True(pty.IsRaw, "doctor opened it with the serial driver (raw mode), as the service would");
        Assert.Equal(0, exit);
    }

    [Fact]
    public void A_missing_device_and_a_dangling_symlink_are_problems_that_say_what_to_do()
    {
        var missing = Path.Combine(cli.Directory, "ttyUSB9");
        var dangling = Path.Combine(cli.Directory, "display");
        File.CreateSymbolicLink(dangling, Path.Combine(cli.Directory, "ttyUSB7"));
        WriteConfig($$"""{ "Scanner": { "Device": "{{missing}}" }, "Display": { "Device": "{{dangling}}" } }""");

        var (exit, doc) = Doctor();

        var scanner = Device(doc, "Scanner:Device");
        Assert.False(scanner.GetProperty("exists").GetBoolean());
        Assert.Contains("does not exist: plug the device in", scanner.GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
        var display = Device(doc, "Display:Device");
        Assert.False(display.GetProperty("exists").GetBoolean());
        Assert.Contains("is a symlink to " + Path.Combine(cli.Directory, "ttyUSB7") + ", which does not exist", display.GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(6, exit);
        Assert.False(doc.GetProperty("healthy").GetBoolean());
    }

    [FactUnlessRoot]
    public void A_device_this_user_may_not_open_names_the_group_to_join()
    {
        var locked = Path.Combine(cli.Directory, "locked-display");
        File.WriteAllText(locked, string.Empty);
        File.SetUnixFileMode(locked, UnixFileMode.None);
        WriteConfig($$"""{ "Display": { "Device": "{{locked}}" } }""");

        var (exit, doc) = Doctor();

        var display = Device(doc, "Display:Device");
        Assert.True(display.GetProperty("exists").GetBoolean());
        Assert.False(display.GetProperty("canWrite").GetBoolean());
        Assert.Equal("0000", display.GetProperty("mode").GetString());
        var problem = display.GetProperty("problems")[0].GetString()!;
        Assert.Contains("may not", problem, StringComparison.Ordinal);
        Assert.Contains("group " + display.GetProperty("group").GetString(), problem, StringComparison.Ordinal);
        Assert.Equal(6, exit);
    }

    [Fact]
    public void A_file_without_permission_is_reported_with_its_mode_and_group()
    {
        // Runs as root too: the mode and group are reported whether or not this user is let in.
        var locked = Path.Combine(cli.Directory, "locked-display");
        File.WriteAllText(locked, string.Empty);
        File.SetUnixFileMode(locked, UnixFileMode.None);
        WriteConfig($$"""{ "Display": { "Device": "{{locked}}" } }""");

        var (_, doc) = Doctor();

        var display = Device(doc, "Display:Device");
        Assert.Equal("0000", display.GetProperty("mode").GetString());
        Assert.False(string.IsNullOrEmpty(display.GetProperty("group").GetString()));
        Assert.Equal("file", display.GetProperty("kind").GetString());
    }

    [Theory]
    [InlineData(FakeStatusPrinter.Fixed, FakeStatusPrinter.Fixed, FakeStatusPrinter.Fixed, "online", null, 0)]
    [InlineData(FakeStatusPrinter.Fixed | 0x08, FakeStatusPrinter.Fixed | 0x20, FakeStatusPrinter.Fixed | 0x60, "offline", "out of paper: load a new roll", 6)]
    [InlineData(FakeStatusPrinter.Fixed, FakeStatusPrinter.Fixed, FakeStatusPrinter.Fixed | 0x0C, "online", "nearly used up", 6)]
    [InlineData(FakeStatusPrinter.Fixed | 0x08, FakeStatusPrinter.Fixed | 0x04, FakeStatusPrinter.Fixed, "offline", "cover is open: close it", 6)]
    public void A_tcp_printer_is_asked_DLE_EOT_1_2_4_and_its_answer_becomes_advice(byte printer, byte cause, byte paper, string state, string? advice, int expectedExit)
    {
        using var fake = new FakeStatusPrinter(printer, cause, paper);
        WriteConfig($$"""{ "Printer": { "Device": "{{fake.Device}}" } }""");

        var (exit, doc) = Doctor();

        var device = Device(doc, "Printer:Device");
        Assert.Equal("ok", device.GetProperty("open").GetString());
        Assert.Equal(state, device.GetProperty("printerStatus").GetProperty("state").GetString());
        Assert.Equal(3, fake.Requests);
        var problems = device.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        if (advice is null)
        {
            Assert.Empty(problems);
        }
        else
        {
            Assert.Contains(problems, p => p.Contains(advice, StringComparison.Ordinal));
        }

        Assert.Equal(expectedExit, exit);
    }

    [Fact]
    public void A_tcp_printer_that_refuses_the_connection_is_a_problem()
    {
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0))
        {
            l.Start();
            port = ((IPEndPoint)l.LocalEndpoint).Port;
        }

        WriteConfig($$"""{ "Printer": { "Device": "tcp://127.0.0.1:{{port}}" } }""");

        var (exit, doc) = Doctor();

        var device = Device(doc, "Printer:Device");
        Assert.StartsWith("failed: ", device.GetProperty("open").GetString(), StringComparison.Ordinal);
        Assert.Contains("cannot connect", device.GetProperty("problems")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(6, exit);
    }

    [Fact]
    public void Clock_pending_coupons_and_receipts_in_another_currency_are_reported()
    {
        WriteConfig("{}");
        var now = DateTime.UtcNow;
        using (var c = new SqliteConnection($"Data Source={cli.DatabasePath};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = """
                INSERT INTO sales (till_id, receipt_number, kind, total_e4, currency, at, at_offset_minutes, receipt_currency, source)
                VALUES ('till-1', 'R1', 'sale', 125000, 'EUR', $at, 0, 'GBP', 'tap'),
                       ('till-1', 'R2', 'sale', 125000, 'EUR', $old, 0, 'GBP', 'tap');
                INSERT INTO coupons (code, source, reward, issued_at, expires_at, print_state)
                VALUES ('ABCDEFGH1', 'rule', '5.00 off', $at, $later, 'pending');
                """;
            cmd.Parameters.AddWithValue("$at", now.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$old", now.AddDays(-45).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$later", now.AddDays(30).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            cmd.ExecuteNonQuery();
        }

        var (exit, doc) = Doctor();

        var till = doc.GetProperty("till");
        Assert.Equal(1, till.GetProperty("couponsPendingPrint").GetInt64());
        var mismatch = Assert.Single(till.GetProperty("currencyMismatches").EnumerateArray());
        Assert.Equal("GBP", mismatch.GetProperty("printed").GetString());
        Assert.Equal("EUR", mismatch.GetProperty("shop").GetString());
        Assert.Equal(1, mismatch.GetProperty("receipts").GetInt64()); // the one from 45 days ago is outside the window
        var problems = doc.GetProperty("problems").EnumerateArray().Select(p => p.GetString()!).ToList();
        Assert.Contains(problems, p => p.Contains("printed GBP while the shop's currency is EUR", StringComparison.Ordinal) && p.Contains("ReceiptTap:Profile", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("1 coupon(s) wait for the printer", StringComparison.Ordinal));
        Assert.Equal("adjtimex(2)", doc.GetProperty("clock").GetProperty("source").GetString());
        Assert.NotEqual(JsonValueKind.Null, doc.GetProperty("clock").GetProperty("synchronized").ValueKind);
        Assert.Equal(0, exit); // advice, not failure
    }

    [Fact]
    public void An_invalid_setting_is_reported_and_exits_4_with_the_rest_still_checked()
    {
        WriteConfig("""{ "Scanner": { "Device": "/dev/pos/scanner", "BaudRate": 12 } }""");

        var (exit, doc) = Doctor();

        Assert.Equal("invalid", doc.GetProperty("configuration").GetProperty("state").GetString());
        Assert.Contains("Scanner:BaudRate", doc.GetProperty("configuration").GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("ok", doc.GetProperty("database").GetProperty("quickCheck").GetString());
        Assert.Equal(4, exit);
    }

    [Fact]
    public void Text_output_lists_each_device_and_each_problem()
    {
        WriteConfig($$"""{ "Scanner": { "Device": "{{Path.Combine(cli.Directory, "gone")}}" } }""");

        var result = PosLoyaltyProcess.Run(cli.Directory, "doctor", "--config", config, "--db", cli.DatabasePath);

        Assert.Equal(6, result.ExitCode);
        Assert.Contains("Scanner:Device " + Path.Combine(cli.Directory, "gone") + ": PROBLEM", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("problem: Scanner:Device", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("clock: ", result.Stdout, StringComparison.Ordinal);
    }

    private static JsonElement Device(JsonElement doc, string key) =>
        doc.GetProperty("devices").EnumerateArray().Single(d => d.GetProperty("key").GetString() == key);

    private (int Exit, JsonElement Doc) Doctor()
    {
        var result = PosLoyaltyProcess.Run(cli.Directory, "doctor", "--json", "--config", config, "--db", cli.DatabasePath);
        Assert.True(result.Stdout.TrimStart().StartsWith('{'), result.ToString());
        return (result.ExitCode, result.Json());
    }

    private void WriteConfig(string json) => File.WriteAllText(config, json);
}
