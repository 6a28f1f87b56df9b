using System.Text;
using System.Text.Json;
using PosLoyalty.Drivers.EscPos;

namespace PosLoyalty.Host.Tests;

/// <summary>`posloyalty receipts learn` through the real executable, on captures of a made-up POS whose printer starts in PC850.</summary>
public sealed class ReceiptsLearnTests : IDisposable
{
    private readonly CliFixture _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Learned_profile_is_written_and_decode_reads_the_POS_with_it()
    {
        var first = Capture("sonne-1.bin", "1041", "Smørrebrød", "3,20");
        var second = Capture("sonne-2.bin", "1042", "Rødgrød", "2,90");
        var profile = Path.Combine(_cli.Directory, "sonne.json");

        var learn = _cli.RunJson("receipts", "learn", first, second, "--output", profile);

        Assert.Equal(0, learn.ExitCode);
        var report = learn.Json();
        Assert.Equal("sonne", report.GetProperty("profile").GetString());
        Assert.Equal(2, report.GetProperty("captures").GetArrayLength());
        Assert.Equal(5.60m, report.GetProperty("captures")[0].GetProperty("receipts")[0].GetProperty("total").GetDecimal());
        using (var written = JsonDocument.Parse(File.ReadAllText(profile), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }))
        {
            Assert.Equal("EscPos", written.RootElement.GetProperty("Dialect").GetString());
            Assert.True(written.RootElement.GetProperty("CodePage").GetInt32() is 850 or 858);
            Assert.False(written.RootElement.TryGetProperty("TotalLabels", out _), "a learned profile extends the default's labels, it does not copy them");
        }

        var decode = _cli.RunJson("receipts", "decode", second, "--profile", profile);
        var receipt = Assert.Single(decode.Json().EnumerateArray());
        Assert.Equal(5.30m, receipt.GetProperty("total").GetDecimal());
        Assert.Equal("1042", receipt.GetProperty("receiptNumber").GetString());
        Assert.Contains("Rødgrød", receipt.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Learn_shows_what_each_capture_reads_and_writes_nothing_without_a_target()
    {
        var capture = Capture("sonne-1.bin", "1041", "Smørrebrød", "3,20");

        var learn = _cli.Run("receipts", "learn", capture);

        Assert.Equal(0, learn.ExitCode);
        Assert.Contains("sonne-1.bin #1  sale  total 5.60", learn.Stdout, StringComparison.Ordinal);
        Assert.Contains("not written", learn.Stdout, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_cli.Directory, "*.json", SearchOption.AllDirectories));
    }

    [Fact]
    public void An_existing_profile_is_not_replaced_without_force()
    {
        var capture = Capture("sonne-1.bin", "1041", "Smørrebrød", "3,20");
        var profile = Path.Combine(_cli.Directory, "sonne.json");
        File.WriteAllText(profile, "{ \"Name\": \"mine\" }");

        var refused = _cli.Run("receipts", "learn", capture, "--output", profile);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--force", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal("{ \"Name\": \"mine\" }", File.ReadAllText(profile));
        Assert.Equal(0, _cli.Run("receipts", "learn", capture, "--output", profile, "--force").ExitCode);
        Assert.Contains("\"CodePage\"", File.ReadAllText(profile), StringComparison.Ordinal);
    }

    [Fact]
    public void Saved_profile_is_found_by_its_name()
    {
        var capture = Capture("sonne-1.bin", "1041", "Smørrebrød", "3,20");
        Directory.CreateDirectory(Path.Combine(_cli.Directory, "kiosk-config", "receipt-profiles")); // the working directory's folder comes first

        Assert.Equal(0, _cli.Run("receipts", "learn", capture, "--save", "sonne").ExitCode);

        Assert.True(File.Exists(Path.Combine(_cli.Directory, "kiosk-config", "receipt-profiles", "sonne.json")));
        var receipt = Assert.Single(_cli.RunJson("receipts", "decode", capture, "--profile", "sonne").Json().EnumerateArray());
        Assert.Contains("Smørrebrød", receipt.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--save", "default", 1, "built-in")]
    [InlineData("--save", "../etc", 1, "not a profile name")]
    [InlineData("--output", "sonne.txt", 1, "must end in .json")]
    public void Bad_target_is_refused_naming_it(string option, string value, int exitCode, string message)
    {
        var capture = Capture("sonne-1.bin", "1041", "Smørrebrød", "3,20");

        var result = _cli.Run("receipts", "learn", capture, option, value);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_capture_is_not_found()
    {
        var result = _cli.Run("receipts", "learn", Path.Combine(_cli.Directory, "nope.bin"));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("nope.bin", result.Stderr, StringComparison.Ordinal);
    }

    /// <summary>A receipt in PC850 with no ESC t (ø prints as ¢ on a PC437 printer), cut at the end.</summary>
    private string Capture(string name, string number, string item, string amount)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var pc850 = Encoding.GetEncoding(850);
        var total = 2.40m + decimal.Parse(amount.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture);
        var bytes = new List<byte>(new EscPosEncoder().Initialize().ToArray());
        foreach (var line in new[]
        {
            "Kaffebaren Sønderø", "Østergade 4, København", "Bon nr. " + number, "Kaffe med mælk              2,40",
            $"{item,-22}{amount,10}", "I ALT                       " + total.ToString("0.00", System.Globalization.CultureInfo.GetCultureInfo("da-DK")),
            "Tak for besøget, på gensyn!",
        })
        {
            bytes.AddRange(pc850.GetBytes(line));
            bytes.Add(0x0A);
        }

        bytes.AddRange(new EscPosEncoder().FeedAndCut().ToArray());
        var path = Path.Combine(_cli.Directory, name);
        File.WriteAllBytes(path, bytes.ToArray());
        return path;
    }
}
