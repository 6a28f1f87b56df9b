using System.Globalization;
using CsvHelper;
using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Customers;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Outbox;

namespace PosLoyalty.Storage.Import;

/// <summary>
/// `import customers FILE.csv`: customers from paper index cards or another system. Columns (header
/// names, any order, any case): name, card (required); birthday (MM-DD), phone, email, consent
/// (true/false/yes/no/1/0), points (opening balance), notes. Every row is checked first, cards
/// against the file and the database included; one bad row and nothing is imported. Otherwise all
/// rows go in one transaction, with the same checks and shapes as `customers add`.
/// </summary>
public sealed class CustomerImporter(LoyaltyDatabase database, LoyaltyRules rules, TimeProvider time)
{
    public const long MaxOpeningPoints = 10_000_000;

    private static readonly string[] Known = ["name", "card", "birthday", "phone", "email", "consent", "points", "notes"];

    public ImportResult Import(string path, bool dryRun, Action<ImportProgress>? progress = null)
    {
        if (!File.Exists(path))
        {
            throw new NotFoundException($"import file '{path}' does not exist");
        }

        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Import(reader, dryRun, progress);
    }

    public ImportResult Import(TextReader reader, bool dryRun, Action<ImportProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new List<ImportRowError>();
        var cards = new List<(int Line, CardNumber Card)>();
        var rows = Read(reader, errors, cards, progress);

        using var c = database.OpenConnection();

        // The database check and the inserts share one write transaction, so a card enrolled at the
        // till meanwhile cannot slip in between them.
        using var tx = c.BeginTransaction(deferred: dryRun);
        CheckCardsAgainstDatabase(c, tx, cards, errors);
        if (errors.Count > 0)
        {
            return new ImportResult(rows.Count + CountFailedRows(errors, rows), 0, 0, 0, dryRun, errors.OrderBy(e => e.Line).ToList());
        }

        var points = rows.Sum(r => r.OpeningPoints);
        var notes = rows.Count(r => r.Note is not null);
        if (dryRun)
        {
            return new ImportResult(rows.Count, 0, points, notes, DryRun: true, []);
        }

        Insert(c, tx, rows, progress);
        Audit.Write(c, tx, time.GetUtcNow(), "import", null, $"{rows.Count} customers imported from CSV, {points} opening points", allowed: true);
        tx.Commit();
        return new ImportResult(rows.Count, rows.Count, points, notes, DryRun: false, []);
    }

    private static int CountFailedRows(List<ImportRowError> errors, List<ImportedCustomer> good)
    {
        var goodLines = good.Select(r => r.Line).ToHashSet();
        return errors.Select(e => e.Line).Where(l => l > 1 && !goodLines.Contains(l)).Distinct().Count();
    }

    private static List<ImportedCustomer> Read(TextReader reader, List<ImportRowError> errors, List<(int Line, CardNumber Card)> cards, Action<ImportProgress>? progress)
    {
        var options = CsvReaderOptions.Default with
        {
            TrackLineNumbers = true,
            TrimWhitespace = true,

            // A bad quote is reported against its own line and the row skipped (so it is never half-read),
            // and every line break ends a record, so one stray quote cannot swallow the rest of the file.
            MalformedData = CsvMalformedDataHandling.Skip,
            AllowLineBreaksInQuotes = false,
            OnMalformedRecord = bad => errors.Add(new ImportRowError((int)bad.LineNumber, "(row)", $"malformed quoting ({bad.Reason}): quote the whole field and double any quote inside it")),
        };
        using var csv = CsvReader.Create(reader, options, leaveOpen: true);
        csv.ReadHeader();
        var header = csv.Headers;
        if (header.Count == 0)
        {
            errors.Add(new ImportRowError(1, "(header)", "the file is empty: the first line must name the columns, e.g. name,card,birthday,phone,email,consent,points,notes"));
            return [];
        }

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim().ToLowerInvariant();
            if (!Known.Contains(name))
            {
                errors.Add(new ImportRowError(1, header[i], $"unknown column '{header[i]}': the columns are {string.Join(", ", Known)}"));
            }
            else if (!index.TryAdd(name, i))
            {
                errors.Add(new ImportRowError(1, header[i], $"column '{name}' appears twice"));
            }
        }

        foreach (var required in new[] { "name", "card" })
        {
            if (!index.ContainsKey(required))
            {
                errors.Add(new ImportRowError(1, required, $"the header has no '{required}' column; it is required"));
            }
        }

        if (errors.Count > 0)
        {
            return [];
        }

        var rows = new List<ImportedCustomer>();
        var firstLineOfCard = new Dictionary<string, int>(StringComparer.Ordinal);
        while (csv.Read())
        {
            var line = (int)csv.LineNumber;
            string? Field(string column) =>
                index.TryGetValue(column, out var i) && i < csv.FieldCount && csv.GetString(i) is { Length: > 0 } v ? v : null;

            var before = errors.Count;
            T? Check<T>(string column, Func<string?, T> parse)
            {
                try
                {
                    return parse(Field(column));
                }
                catch (DomainValidationException ex)
                {
                    errors.Add(new ImportRowError(line, column, ex.Message));
                    return default;
                }
            }

            var name = Check("name", CustomerFields.Name);
            var card = Check("card", text => CardNumber.TryParse(text, out var k, out var error) ? (CardNumber?)k : throw new DomainValidationException(text is null ? "card is required and was empty" : error));
            var birthday = Check("birthday", text => text is null ? (MonthDay?)null : MonthDay.TryParse(text, out var d, out var error) ? d : throw new DomainValidationException(error));
            var phone = Check("phone", CustomerFields.Phone);
            var email = Check("email", CustomerFields.Email);
            var consent = Check("consent", ParseConsent);
            var points = Check("points", ParsePoints);
            var note = Check("notes", text => text is null ? null : CustomerFields.NoteText(text));
            if (card is { } k && !firstLineOfCard.TryAdd(k.Value, line))
            {
                errors.Add(new ImportRowError(line, "card", $"card {k.Masked()} is already on line {firstLineOfCard[k.Value]} of this file"));
            }
            else if (card is { } first)
            {
                cards.Add((line, first));
            }

            if (errors.Count == before)
            {
                rows.Add(new ImportedCustomer(line, name!, card!.Value, birthday, phone, email, consent, points, note));
            }

            if (rows.Count % 1000 == 0)
            {
                progress?.Invoke(new ImportProgress("validating", rows.Count, 0));
            }
        }

        return rows;
    }

    private static bool ParseConsent(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null => false,
        "true" or "yes" or "1" => true,
        "false" or "no" or "0" => false,
        _ => throw new DomainValidationException($"consent '{text}' must be true, false, yes, no, 1 or 0"),
    };

    private static long ParsePoints(string? text) =>
        text is null ? 0
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= MaxOpeningPoints ? p
        : throw new DomainValidationException($"points '{text}' must be a whole number from 0 to {MaxOpeningPoints}");

    /// <summary>Every readable card of the file, bad rows' too, so one run lists every problem.</summary>
    private static void CheckCardsAgainstDatabase(SqliteConnection c, SqliteTransaction tx, List<(int Line, CardNumber Card)> cards, List<ImportRowError> errors)
    {
        using var cmd = Sql.Command(c, tx, "SELECT customer_id FROM cards WHERE card_number = $card");
        var card = cmd.Parameters.Add("$card", SqliteType.Text);
        cmd.Prepare();
        foreach (var (line, number) in cards)
        {
            card.Value = number.Value;
            if (cmd.ExecuteScalar() is long holder)
            {
                errors.Add(new ImportRowError(line, "card", $"card {number.Masked()} already belongs to customer {holder}"));
            }
        }
    }

    private void Insert(SqliteConnection c, SqliteTransaction tx, List<ImportedCustomer> rows, Action<ImportProgress>? progress)
    {
        var now = Sql.Time(time.GetUtcNow());

        // Prepared once, bound per row: at 100,000 rows, preparing each statement again would cost more than the inserts.
        using var customer = Sql.Command(
            c,
            tx,
            "INSERT INTO customers (display_name, birthday, phone, email, consent_marketing, consent_changed_at, enrolled_at, points_balance) VALUES ($n, $b, $p, $e, $cm, $cat, $at, $pts) RETURNING id");
        using var cardInsert = Sql.Command(c, tx, "INSERT INTO cards (card_number, customer_id, issued_at) VALUES ($card, $id, $at)");
        using var stampEvent = Sql.Command(c, tx, "INSERT INTO stamp_events (customer_id, program, delta, reason, at) VALUES ($id, $prog, $n, 'enrolment', $at)");
        using var ledger = Sql.Command(c, tx, "INSERT INTO ledger (customer_id, sale_id, delta, reason, at) VALUES ($id, NULL, $d, 'opening', $at)");
        using var noteInsert = Sql.Command(c, tx, "INSERT INTO notes (customer_id, text, pinned, follow_up, created_at) VALUES ($id, $t, 0, 0, $at)");
        foreach (var cmd in new[] { customer, cardInsert, stampEvent, ledger, noteInsert })
        {
            cmd.Parameters.AddWithValue("$at", now);
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            Bind(customer, ("$n", row.Name), ("$b", row.Birthday?.ToString()), ("$p", row.Phone), ("$e", row.Email), ("$cm", row.Consent ? 1 : 0), ("$cat", row.Consent ? now : null), ("$pts", row.OpeningPoints));
            var id = (long)customer.ExecuteScalar()!;
            Bind(cardInsert, ("$card", row.Card.Value), ("$id", id));
            cardInsert.ExecuteNonQuery();
            foreach (var program in rules.StampCards)
            {
                if (program.PreStamped > 0)
                {
                    Bind(stampEvent, ("$id", id), ("$prog", program.Id), ("$n", program.PreStamped));
                    stampEvent.ExecuteNonQuery();
                }
            }

            // The opening balance is a ledger row like any other, so balance = SUM(ledger) holds from the start.
            if (row.OpeningPoints > 0)
            {
                Bind(ledger, ("$id", id), ("$d", row.OpeningPoints));
                ledger.ExecuteNonQuery();
            }

            if (row.Note is not null)
            {
                Bind(noteInsert, ("$id", id), ("$t", row.Note));
                noteInsert.ExecuteNonQuery();
            }

            OutboxWriter.Enrolled(c, tx, new CustomerId(id), Sql.ParseTime(now));
            if ((i + 1) % 1000 == 0 || i + 1 == rows.Count)
            {
                progress?.Invoke(new ImportProgress("importing", i + 1, rows.Count));
            }
        }
    }

    private static void Bind(SqliteCommand cmd, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            if (cmd.Parameters.Contains(name))
            {
                cmd.Parameters[name].Value = value ?? DBNull.Value;
            }
            else
            {
                cmd.Parameters.AddWithValue(name, value ?? DBNull.Value);
            }
        }
    }
}
