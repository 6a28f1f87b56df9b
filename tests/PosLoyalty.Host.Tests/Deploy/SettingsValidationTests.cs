using System.Text.Json;

namespace PosLoyalty.Host.Tests.Deploy;

/// <summary>
/// `run` and `doctor` load the settings the same way (docs/adr/0008): a misspelt key in any section of ours, or a
/// misspelt section, from a file or an environment variable, stops both with exit 4 naming the key, where it came
/// from and what it probably meant. (Logging's keys are category names, free-form, and not ours to check.)
/// </summary>
public sealed class SettingsValidationTests : IDisposable
{
    private readonly CliFixture cli = new();
    private readonly string config;

    public SettingsValidationTests()
    {
        config = Path.Combine(cli.Directory, "till.json");
        cli.MustRun("customers", "add", "--card", "20000000042", "--name", "Anna Rossi");
    }

    public static TheoryData<string, string, string> MisspeltInAFile => new()
    {
        { """{ "Storage": { "DatabasPath": "elsewhere.db" } }""", "unknown key Storage:DatabasPath", "did you mean Storage:DatabasePath?" },
        { """{ "Loyalty": { "RulesFiel": "kiosk-config/loyalty.json" } }""", "unknown key Loyalty:RulesFiel", "did you mean Loyalty:RulesFile?" },
        { """{ "Till": { "ActiveCustomerTimout": "00:05:00" } }""", "unknown key Till:ActiveCustomerTimout", "did you mean Till:ActiveCustomerTimeout?" },
        { """{ "Scanner": { "Device": "/dev/null", "BaudRat": 9600 } }""", "unknown key Scanner:BaudRat", "did you mean Scanner:BaudRate?" },
        { """{ "ReceiptTap": { "CodePag": 437 } }""", "unknown key ReceiptTap:CodePag", "did you mean ReceiptTap:CodePage?" },
        { """{ "Printer": { "Colums": 42 } }""", "unknown key Printer:Colums", "did you mean Printer:Columns?" },
        { """{ "PosEvents": { "Listn": "/run/posloyalty/pos.sock" } }""", "unknown key PosEvents:Listn", "did you mean PosEvents:Listen?" },
        { """{ "Display": { "Protocl": "CD5220" } }""", "unknown key Display:Protocl", "did you mean Display:Protocol?" },
        { """{ "Panel": { "Sockt": "/run/posloyalty/panel.sock" } }""", "unknown key Panel:Sockt", "did you mean Panel:Socket?" },
        { """{ "Backup": { "Kep": 7 } }""", "unknown key Backup:Kep", "did you mean Backup:Keep?" },
        { """{ "Scaner": { "Device": "/dev/null" } }""", "unknown section Scaner", "did you mean Scanner?" },
        { """{ "Printr": { "Device": "/dev/null" } }""", "unknown section Printr", "did you mean Printer?" },
    };

    public void Dispose() => cli.Dispose();

    [Theory]
    [MemberData(nameof(MisspeltInAFile))]
    public void A_misspelt_key_or_section_in_a_file_stops_run_and_doctor_naming_it_the_file_and_the_nearest_name(string json, string named, string suggestion)
    {
        File.WriteAllText(config, json);

        var run = cli.Run("run", "--headless", "--config", config);
        var doctor = cli.Run("doctor", "--config", config, "--json");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains($"{named} in {config}: {suggestion}", run.Stderr, StringComparison.Ordinal);
        AssertDoctorRefuses(doctor, $"{named} in {config}: {suggestion}");
    }

    [Fact]
    public void A_misspelt_key_in_an_environment_variable_stops_run_and_doctor_naming_the_variable()
    {
        var environment = new Dictionary<string, string> { ["POSLOYALTY__Scanner__BaudRat"] = "9600" };

        var run = cli.RunWrapped([], environment, "run", "--headless");
        var doctor = cli.RunWrapped([], environment, "doctor", "--json");

        const string Expected = "unknown key Scanner:BaudRat in environment variable POSLOYALTY__Scanner__BaudRat: did you mean Scanner:BaudRate?";
        Assert.Equal(4, run.ExitCode);
        Assert.Contains(Expected, run.Stderr, StringComparison.Ordinal);
        AssertDoctorRefuses(doctor, Expected);
    }

    [Fact]
    public void A_misspelt_database_path_key_without_db_fails_doctor_on_the_key_not_on_the_default_database()
    {
        File.WriteAllText(config, """{ "Storage": { "DatabasPath": "elsewhere.db" } }""");

        var run = PosLoyaltyProcess.Run(cli.Directory, "run", "--headless", "--config", config);
        var doctor = PosLoyaltyProcess.Run(cli.Directory, "doctor", "--config", config);

        const string Expected = "unknown key Storage:DatabasPath";
        Assert.Equal(4, run.ExitCode);
        Assert.Contains(Expected, run.Stderr, StringComparison.Ordinal);
        Assert.Equal(4, doctor.ExitCode);
        Assert.Contains(Expected, doctor.Stdout + doctor.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_variables_without_our_prefix_are_not_checked()
    {
        File.WriteAllText(config, $$"""{ "Panel": { "Socket": "{{Path.Combine(cli.Directory, "panel.sock")}}" } }""");
        var environment = new Dictionary<string, string> { ["OTHERAPP__Scaner__Device"] = "/dev/null", ["Scaner"] = "x" };

        var doctor = cli.RunWrapped([], environment, "doctor", "--config", config, "--json");

        Assert.Equal("ok", doctor.Json().GetProperty("configuration").GetProperty("state").GetString());
    }

    [Fact]
    public void A_tap_without_a_printer_fails_doctor_as_it_fails_run()
    {
        File.WriteAllText(config, """{ "ReceiptTap": { "Input": "/dev/null" } }""");

        var run = cli.Run("run", "--headless", "--config", config);
        var doctor = cli.Run("doctor", "--config", config, "--json");

        const string Expected = "ReceiptTap:Input is set but Printer:Device is not";
        Assert.Equal(4, run.ExitCode);
        Assert.Contains(Expected, run.Stderr, StringComparison.Ordinal);
        AssertDoctorRefuses(doctor, Expected);
    }

    [Fact]
    public void An_unknown_receipt_profile_fails_doctor_as_it_fails_run()
    {
        File.WriteAllText(config, """{ "ReceiptTap": { "Input": "/dev/null", "Profile": "no-such-profile" }, "Printer": { "Device": "/dev/null" } }""");

        var run = cli.Run("run", "--headless", "--config", config);
        var doctor = cli.Run("doctor", "--config", config, "--json");

        const string Expected = "ReceiptTap:Profile 'no-such-profile' is unknown";
        Assert.Equal(4, run.ExitCode);
        Assert.Contains(Expected, run.Stderr, StringComparison.Ordinal);
        AssertDoctorRefuses(doctor, Expected);
    }

    [Theory]
    [InlineData("00:00:00", "Printer:CutWaitLimit '00:00:00' must be between 00:00:00.1 and 00:02:00")]
    [InlineData("01:00:00", "Printer:CutWaitLimit '01:00:00' must be between 00:00:00.1 and 00:02:00")]
    public void A_cut_wait_limit_out_of_range_fails_doctor_as_it_fails_run(string limit, string expected)
    {
        File.WriteAllText(config, $$"""{ "Printer": { "Device": "/dev/null", "CutWaitLimit": "{{limit}}" } }""");

        var run = cli.Run("run", "--headless", "--config", config);
        var doctor = cli.Run("doctor", "--config", config, "--json");

        Assert.Equal(4, run.ExitCode);
        Assert.Contains(expected, run.Stderr, StringComparison.Ordinal);
        AssertDoctorRefuses(doctor, expected);
    }

    [Fact]
    public void A_valid_configuration_with_logging_runs_and_doctor_calls_it_ok()
    {
        var socket = Path.Combine(cli.Directory, "panel.sock");
        File.WriteAllText(config, $$"""
            {
              "Till": { "Id": "till-1" },
              "Loyalty": { "RulesFile": "kiosk-config/loyalty.json" },
              "Panel": { "Socket": "{{socket}}" },
              "Logging": { "LogLevel": { "Default": "Information", "Microsoft.Hosting.Lifetime": "Warning" } }
            }
            """);

        var doctor = cli.Run("doctor", "--config", config, "--json");
        Assert.Equal(0, doctor.ExitCode);
        Assert.Equal("ok", doctor.Json().GetProperty("configuration").GetProperty("state").GetString());

        using var service = new Till.RunningService(cli.Directory, "--config", config, "--db", cli.DatabasePath);
        var deadline = DateTime.UtcNow + PosLoyaltyProcess.Timeout; // only catches a hang
        while (!File.Exists(socket) && !service.HasExited && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(20);
        }

        Assert.True(File.Exists(socket), "run opened its panel socket:\n" + service.Log);
        Assert.False(service.HasExited, service.Log);
    }

    private static void AssertDoctorRefuses(CliResult doctor, string expected)
    {
        Assert.Equal(4, doctor.ExitCode);
        var doc = JsonDocument.Parse(doctor.Stdout).RootElement;
        Assert.Equal("invalid", doc.GetProperty("configuration").GetProperty("state").GetString());
        Assert.Contains(expected, doc.GetProperty("configuration").GetProperty("error").GetString(), StringComparison.Ordinal);
        var first = doc.GetProperty("problems")[0].GetString()!;
        Assert.StartsWith("configuration: ", first, StringComparison.Ordinal);
        Assert.Contains(expected, first, StringComparison.Ordinal);
        Assert.False(doc.GetProperty("healthy").GetBoolean());
    }
}
