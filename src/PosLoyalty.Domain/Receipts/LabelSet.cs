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

    // The same expression tried only where the trie says a label may start (\G): no scan of the whole line.
    private readonly Regex? _anchored;

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
            var body = $@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', alternatives)})(?:{GluedCurrency})?(?![\p{{L}}\p{{N}}])";
            _regex = new Regex(body, RegexOptions.CultureInvariant, Timeout);
            _anchored = new Regex(@"\G" + body, RegexOptions.CultureInvariant, Timeout);
        }
    }

    /// <summary>The first match in the folded text, or null.</summary>
    public Match? First(string folded)
    {
        if (_regex is null)
        {
            return null;
        }

        if (_alwaysRun)
        {
            var match = _regex.Match(folded);
            return match.Success ? match : null;
        }

        foreach (var start in Starts(folded))
        {
            var match = _anchored!.Match(folded, start);
            if (match.Success)
            {
                return match;
            }
        }

        return null;
    }

    public IEnumerable<Match> All(string folded)
    {
        if (_regex is null)
        {
            return [];
        }

        if (_alwaysRun)
        {
            return _regex.Matches(folded);
        }

        var found = new List<Match>();
        var after = 0;
        foreach (var start in Starts(folded))
        {
            if (start < after)
            {
                continue;
            }

            var match = _anchored!.Match(folded, start);
            if (match.Success)
            {
                found.Add(match);
                after = match.Index + Math.Max(match.Length, 1);
            }
        }

        return found;
    }

    /// <summary>True when the folded text, stripped of decoration (*, -, =, #, spaces), is exactly one of the labels.</summary>
    public bool IsWholeLine(string folded)
    {
        var core = folded.Trim(' ', '*', '-', '=', '#', '_', '~', '!', '.', ':', '<', '>', '[', ']', '(', ')', '\u2500', '\u2550');
        var match = AtStart(core);
        return match is not null && match.Length == core.Length;
    }

    /// <summary>True when the folded text starts with a label followed by nothing but digits and punctuation ("REFUND #1234").</summary>
    public bool IsLineHeading(string folded)
    {
        var core = folded.Trim(' ', '*', '-', '=', '#', '_', '~', '!', '.', ':', '<', '>', '[', ']', '(', ')', '\u2500', '\u2550');
        var match = AtStart(core);
        return match is not null && !core[(match.Index + match.Length)..].Any(char.IsLetter);
    }

    private Match? AtStart(string core)
    {
        if (core.Length == 0 || _regex is null || !MayMatch(core))
        {
            return null;
        }

        var match = (_alwaysRun ? _regex : _anchored!).Match(core, 0);
        return match.Success && match.Index == 0 ? match : null;
    }

    /// <summary>Where, in order, a label may start: word starts from which the trie reaches a whole label.</summary>
    private List<int> Starts(string folded)
    {
        var starts = new List<int>();
        for (var i = 0; i < folded.Length; i++)
        {
            if (StartsLabel(folded, i))
            {
                starts.Add(i);
            }
        }

        return starts;
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
            if (StartsLabel(folded, i))
            {
                return true;
            }
        }

        return false;
    }

    private bool StartsLabel(string folded, int i)
    {
        if (!char.IsLetterOrDigit(folded[i]) || (i > 0 && char.IsLetterOrDigit(folded[i - 1])))
        {
            return false; // not the start of a word
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
                return false;
            }

            if (node.Ends && EndsWord(folded, j + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when a label ending just before <paramref name="at"/> ends a word there (or a glued currency code follows).</summary>
    private static bool EndsWord(string folded, int at)
    {
        if (at >= folded.Length || !char.IsLetterOrDigit(folded[at]))
        {
            return true;
        }

        var end = at;
        while (end < folded.Length && char.IsLetterOrDigit(folded[end]))
        {
            end++;
        }

        return end - at == 3 && GluedCurrency.Contains(folded.AsSpan(at, 3), StringComparison.Ordinal);
    }

    private sealed class Node
    {
        public Dictionary<char, Node> Next { get; } = [];

        public bool Ends { get; set; }
    }
}
