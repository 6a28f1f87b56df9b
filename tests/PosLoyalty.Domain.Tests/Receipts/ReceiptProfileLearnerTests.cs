using PosLoyalty.Domain.Receipts;

namespace PosLoyalty.Domain.Tests.Receipts;

/// <summary>What <see cref="ReceiptProfileLearner"/> adds to the default profile, and how the learned profile is written.</summary>
public sealed class ReceiptProfileLearnerTests
{
    private static readonly ReceiptProfile Default = BuiltInReceiptProfiles.Default;

    [Fact]
    public void Total_and_number_the_reader_found_without_a_label_become_labels()
    {
        // What an extractor reports for a total it took by position and emphasis, and a number beside the date.
        const string text = "Kaffeehaus Sonne\nVorgang-Kennung: 7781\nLatte   3,90\nScone   2,60\nRESTSCHULD   6,50";
        var sale = new ReceiptSale(6.50m, "EUR", "7781", null, null, [new ReceiptItem("Latte", 1m, 3.90m), new ReceiptItem("Scone", 1m, 2.60m)], null, false, false, text)
        {
            TotalLineIndex = 4,
            ReceiptNumberLineIndex = 1,
        };
        var findings = new List<string>();

        var learned = ReceiptProfileLearner.WithLabelsFrom(Default, [sale], findings);

        Assert.Equal(Default.AmountDueLabels.Append("RESTSCHULD"), learned.AmountDueLabels);
        Assert.Equal(Default.ReceiptNumberLabels.Append("Vorgang-Kennung"), learned.ReceiptNumberLabels);
        Assert.Equal(2, findings.Count);
        var next = new ReceiptSaleExtractor(learned).Extract("Kaffeehaus Sonne\nVorgang-Kennung: 7790\nTee   2,10\nRESTSCHULD   2,10");
        Assert.Equal(2.10m, next.Total);
        Assert.Equal("7790", next.ReceiptNumber);
    }

    [Fact]
    public void A_total_line_the_default_labels_already_name_adds_nothing()
    {
        var sale = new ReceiptSale(6.50m, "EUR", null, null, null, [], null, false, false, "Latte   6,50\nSUMME   6,50") { TotalLineIndex = 1 };

        var learned = ReceiptProfileLearner.WithLabelsFrom(Default, [sale], new List<string>());

        Assert.Equal(Default.AmountDueLabels, learned.AmountDueLabels);
    }

    [Fact]
    public void Decimal_comma_stays_auto_when_no_amount_reads_differently()
    {
        var findings = new List<string>();

        var rule = ReceiptProfileLearner.DecimalSeparatorOf(Default, ["Latte   3,90", "Scone   2,60", "SUMME   6,50"], findings);

        Assert.Equal(DecimalSeparatorRule.Auto, rule);
        Assert.Contains("decimal comma", Assert.Single(findings), StringComparison.Ordinal);
    }

    [Fact]
    public void Decimal_comma_is_fixed_when_a_three_digit_amount_would_otherwise_read_as_thousands()
    {
        var rule = ReceiptProfileLearner.DecimalSeparatorOf(Default, ["Käse 0,250 kg   1,250", "Brot   3,90", "SUMME   5,15"], new List<string>());

        Assert.Equal(DecimalSeparatorRule.Comma, rule);
    }

    [Fact]
    public void Learned_profile_is_written_as_only_what_differs_and_reads_back_the_same()
    {
        var learned = Default with
        {
            Name = "sonne",
            CodePage = 858,
            DecimalSeparator = DecimalSeparatorRule.Comma,
            AmountDueLabels = [.. Default.AmountDueLabels, "ENDBETRAG"],
        };

        var json = ReceiptProfileWriter.ToJson(learned, ["learned from sonne-1.bin"]);
        var read = ReceiptProfileReader.Parse(json, "sonne.json", "sonne");

        Assert.StartsWith("// learned from sonne-1.bin\n", json, StringComparison.Ordinal);
        Assert.Contains("\"AddLabels\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"TotalLabels\"", json, StringComparison.Ordinal);
        Assert.Equal(858, read.CodePage);
        Assert.Equal(DecimalSeparatorRule.Comma, read.DecimalSeparator);
        Assert.Equal(learned.AmountDueLabels, read.AmountDueLabels);
        Assert.Equal(Default.TotalLabels, read.TotalLabels);
    }

    [Fact]
    public void Every_label_list_of_a_profile_survives_writing_and_reading_back()
    {
        var lists = typeof(ReceiptProfile).GetProperties().Where(property => property.PropertyType == typeof(IReadOnlyList<string>)).ToArray();
        var profile = Default with { Name = "every" };
        foreach (var list in lists)
        {
            var labels = (IReadOnlyList<string>)list.GetValue(profile)!;
            var extended = profile with { };
            list.SetValue(extended, labels.Append("SONNE " + list.Name.ToUpperInvariant()).ToArray());
            profile = extended;
        }

        var read = ReceiptProfileReader.Parse(ReceiptProfileWriter.ToJson(profile, []), "every.json", "every");

        foreach (var list in lists)
        {
            Assert.Equal((IReadOnlyList<string>)list.GetValue(profile)!, (IReadOnlyList<string>)list.GetValue(read)!);
        }
    }

    [Fact]
    public void Learning_from_receipts_the_default_reads_keeps_the_default_labels()
    {
        ReceiptLine[] lines = [new("Kaffeehaus Sonne"), new("Bon-Nr. 12"), new("Latte      3.90"), new("TOTAL      3.90", Bold: true)];

        var learned = new ReceiptProfileLearner(Default).Learn("sonne", [(lines, [])]);

        Assert.Equal("sonne", learned.Profile.Name);
        Assert.Equal(Default.AmountDueLabels, learned.Profile.AmountDueLabels);
        Assert.Equal(Default.ReceiptNumberLabels, learned.Profile.ReceiptNumberLabels);
        Assert.Null(learned.Profile.ItemLinePattern);
    }
}
