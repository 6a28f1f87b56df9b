using System.Globalization;
using System.Text;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Drivers.EscPos.Decoding;

namespace PosLoyalty.Service.Tap;

/// <summary>
/// `receipts learn`: a receipt profile for an unknown POS from a few captures of its printer bytes. Picks the
/// dialect and start-up code page whose text reads as words, then lets <see cref="ReceiptProfileLearner"/> learn
/// the decimal separator, labels and item layout on top of the built-in profile for that dialect. Pure: the
/// captures come in as bytes, the profile goes out as a value.
/// </summary>
public sealed class CaptureProfileLearner
{
    /// <summary>The start-up code pages printers ship with, tried in this order (a tie keeps the earlier one).</summary>
    public static IReadOnlyList<int> StartupCodePages { get; } = Array.AsReadOnly([437, 850, 852, 857, 858, 860, 866, 1250, 1251, 1252, 1253, 1254]);

    private readonly int _configuredCodePage;

    /// <param name="configuredCodePage">The page the tap would start in today (`--code-page`, `ReceiptTap:CodePage`): kept unless another reads clearly better.</param>
    public CaptureProfileLearner(int configuredCodePage)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(configuredCodePage);
        _configuredCodePage = configuredCodePage;
    }

    /// <summary>The learned profile (named <paramref name="name"/>) and what was learned, dialect and code page first.</summary>
    /// <exception cref="ArgumentException">No capture holds any printable text.</exception>
    public LearnedReceiptProfile Learn(string name, IReadOnlyList<byte[]> captures)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(captures);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var pages = new[] { _configuredCodePage }.Concat(StartupCodePages.Where(page => page != _configuredCodePage)).ToArray();

        var readings = new[] { BuiltInReceiptProfiles.Default, BuiltInReceiptProfiles.Star }
            .Select(basis => BestPage(basis, pages, captures))
            .ToArray();

        // A capture runs from cut to cut: the right dialect ends its receipts with cuts; the wrong one misses them
        // (GS V means nothing to a Star printer) or sees cuts in the middle of a receipt and leaves a tail uncut.
        var chosen = readings
            .OrderByDescending(reading => reading.CutShare)
            .ThenBy(reading => reading.Receipts.Count)
            .ThenByDescending(reading => reading.Score)
            .First();
        if (chosen.Receipts.Count == 0 || chosen.Score <= 0)
        {
            throw new ArgumentException("no capture holds printable receipt text: is this what the POS sends to its printer?", nameof(captures));
        }

        var findings = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"dialect {chosen.Basis.Dialect} (base profile {chosen.Basis.Name}): {string.Join("; ", readings.Select(Describe))}"),
            chosen.Page == _configuredCodePage
                ? string.Create(CultureInfo.InvariantCulture, $"start-up code page {chosen.Page} kept: no other page reads better")
                : string.Create(CultureInfo.InvariantCulture, $"start-up code page {chosen.Page}: reads more words than {_configuredCodePage} ({chosen.Score} against {chosen.ConfiguredScore})"),
        };
        var basisProfile = chosen.Basis with { CodePage = chosen.Page == _configuredCodePage ? null : chosen.Page };
        var samples = chosen.Receipts
            .Select(receipt => ((IReadOnlyList<ReceiptLine>)ReceiptReader.Lines(receipt), (IReadOnlyList<string>)receipt.Barcodes.Select(code => code.Data).ToArray()))
            .ToArray();
        var learned = new ReceiptProfileLearner(basisProfile).Learn(name, samples);
        return learned with { Findings = findings.Concat(learned.Findings).ToArray() };
    }

    /// <summary>
    /// How much of a receipt reads as words: letters in words of two or more letters of one script and a
    /// consistent case count for, box-drawing, symbols, control characters and mixed-script words against.
    /// Text decoded with the wrong code page or dialect turns letters into symbols and mixes scripts.
    /// </summary>
    public static long Readability(DecodedReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        long score = 0;
        foreach (var line in receipt.Lines)
        {
            foreach (var word in line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                score += WordScore(word);
            }
        }

        return score;
    }

    private static long WordScore(string word)
    {
        long garbage = 0;
        var letters = 0;
        var scripts = new HashSet<int>();
        var lower = 0;
        var upper = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                letters++;
                scripts.Add(Script(c));
                lower += char.IsLower(c) ? 1 : 0;
                upper += char.IsUpper(c) ? 1 : 0;
            }
            else if (c is >= '\u2500' and <= '\u25FF' || char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.OtherSymbol or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.MathSymbol && c is not ('+' or '=' or '<' or '>' or '%'))
            {
                garbage++;
            }
        }

        var casing = upper <= 1 || lower == 0 || (upper == 1 && char.IsUpper(word.First(char.IsLetter)));
        var wordy = letters >= 2 && scripts.Count == 1 && casing;
        return (wordy ? letters : 0) - (3 * garbage) - (scripts.Count > 1 ? letters : 0);
    }

    private static int Script(char c) => c switch
    {
        < '\u0250' => 0,
        >= '\u0370' and < '\u0400' => 1,
        >= '\u0400' and < '\u0530' => 2,
        _ => 3,
    };

    private static Reading BestPage(ReceiptProfile basis, IReadOnlyList<int> pages, IReadOnlyList<byte[]> captures)
    {
        Reading? best = null;
        long configured = 0;
        foreach (var page in pages)
        {
            var receipts = captures.SelectMany(capture => Decode(basis, page, capture)).ToArray();
            var score = receipts.Sum(Readability);
            if (best is null)
            {
                configured = score;
            }

            if (best is null || score > best.Score)
            {
                var lines = Math.Max(1, receipts.Sum(receipt => receipt.Lines.Count));
                var cut = receipts.Where(receipt => receipt.EndedByCut).Sum(receipt => receipt.Lines.Count);
                best = new Reading(basis, page, score, configured, receipts, 100 * cut / lines);
            }
        }

        return best! with { ConfiguredScore = configured };
    }

    private static string Describe(Reading reading) => string.Create(
        CultureInfo.InvariantCulture,
        $"as {reading.Basis.Dialect} {reading.Receipts.Count} receipt(s), {reading.CutShare}% of lines before a cut, readability {reading.Score}");

    private static IReadOnlyList<DecodedReceipt> Decode(ReceiptProfile basis, int page, byte[] capture) =>
        new ReceiptReader(basis, page).DecodeCapture(capture);

    private sealed record Reading(ReceiptProfile Basis, int Page, long Score, long ConfiguredScore, IReadOnlyList<DecodedReceipt> Receipts, int CutShare);
}
