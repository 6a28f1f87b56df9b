using System.Text.RegularExpressions;

namespace PosLoyalty.Domain.Receipts;

/// <summary>
/// A list of labels compiled into one expression over folded text: a label matches as whole words (no letter or
/// digit on either side), spaces in a label match any run of spaces, dashes or dots ("QTDE. TOTAL", "Bon-Nr").
/// </summary>
internal sealed class LabelSet
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(1);

    // A currency code some POS glue to the label ("TotalDKK 35.00"): still the label.
    private const string GluedCurrency = "EUR|USD|GBP|CHF|DKK|SEK|NOK|ISK|PLN|CZK|HUF|RON|TRY|RUB|BRL|MYR|CAD|AUD";

    private readonly Regex? _regex;

    // Every label's letters and digits, in a trie. A label can only match where, from the start of a word of the
    // line, the line's letters and digits (separators skipped) spell one of them: most lines are ruled out by a
    // walk of a few characters before the expression runs.
    private readonly Node _trie = new();
    private readonly bool _alwaysRun;

    public LabelSet(IEnumerable<string> labels)
    {
        var folded = labels
            .Select(TextFolding.Fold)
            .Select(label => label.Trim())
            .Where(label => label.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        foreach (var label in folded)
        {
            if (!char.IsLetterOrDigit(label[0]))
            {
                _alwaysRun = true;
                continue;
            }

            var node = _trie;
            foreach (var c in label.Where(char.IsLetterOrDigit))
            {
                node = node.Next.TryGetValue(c, out var next) ? next : node.Next[c] = new Node();
            }

            node.Ends = true;
        }

        var alternatives = folded
            .OrderByDescending(label => label.Length)
            .Select(label => string.Join(@"[\s\-.]*", label.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)))
            .ToArray();
        if (alternatives.Length > 0)
        {
            _regex = new Regex(
                $@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', alternatives)})(?:{GluedCurrency})?(?![\p{{L}}\p{{N}}])",
                RegexOptions.CultureInvariant | RegexOptions.Compiled,
                Timeout);
        }
    }

    /// <summary>The first match in the folded text, or null.</summary>
    public Match? First(string folded)
    {
        if (_regex is null || !MayMatch(folded))
        {
            return null;
        }

        var match = _regex.Match(folded);
        return match.Success ? match : null;
    }

    public IEnumerable<Match> All(string folded) => _regex is null || !MayMatch(folded) ? [] : _regex.Matches(folded);

    /// <summary>True when the folded text, stripped of decoration (*, -, =, #, spaces), is exactly one of the labels.</summary>
    public bool IsWholeLine(string folded)
    {
        var core = folded.Trim(' ', '*', '-', '=', '#', '_', '~', '!', '.', ':', '<', '>', '[', ']', '(', ')', '\u2500', '\u2550');
        if (core.Length == 0 || _regex is null || !MayMatch(core))
        {
            return false;
        }

        var match = _regex.Match(core);
        return match.Success && match.Index == 0 && match.Length == core.Length;
    }

    /// <summary>True when the folded text starts with a label followed by nothing but digits and punctuation ("REFUND #1234").</summary>
    public bool IsLineHeading(string folded)
    {
        var core = folded.Trim(' ', '*', '-', '=', '#', '_', '~', '!', '.', ':', '<', '>', '[', ']', '(', ')', '\u2500', '\u2550');
        if (core.Length == 0 || _regex is null || !MayMatch(core))
        {
            return false;
        }

        var match = _regex.Match(core);
        return match.Success && match.Index == 0 && !core[(match.Index + match.Length)..].Any(char.IsLetter);
    }

    /// <summary>False when the expression cannot match: no word of the text starts a label's letters and digits.</summary>
    public bool MayMatch(string folded)
    {
        if (_alwaysRun)
        {
            return true;
        }

        for (var i = 0; i < folded.Length; i++)
        {
            if (!char.IsLetterOrDigit(folded[i]) || (i > 0 && char.IsLetterOrDigit(folded[i - 1])))
            {
                continue; // not the start of a word
            }

            var node = _trie;
            for (var j = i; j < folded.Length; j++)
            {
                var c = folded[j];
                if (!char.IsLetterOrDigit(c))
                {
                    continue;
                }

                if (!node.Next.TryGetValue(c, out node))
                {
                    break;
                }

                if (node.Ends)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private sealed class Node
    {
        public Dictionary<char, Node> Next { get; } = [];

        public bool Ends { get; set; }
    }
}
