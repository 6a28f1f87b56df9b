using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using PosLoyalty.Service.PosEvents;
using PosLoyalty.Service.Tests.Till;
using PosLoyalty.Service.Till;

namespace PosLoyalty.Service.Tests.PosEvents;

public sealed class PosEventDispatcherTests : IDisposable
{
    private const string AnnaCard = "20000000042";
    private const string Sale = """{"type":"sale","receiptNumber":"R-1","total":12.50,"items":[{"description":"Latte","quantity":1,"amount":12.50}]}""";

    private readonly TillFixture till = new(new TillOptions { Id = "till-1" });
    private readonly PosEventDispatcher dispatcher;
    private long line;

    public PosEventDispatcherTests()
    {
        dispatcher = new PosEventDispatcher(till.Session, till.Sales, TillFixture.Eur, printCoupons: false, till.Clock, NullLogger<PosEventDispatcher>.Instance);
    }

    public void Dispose() => till.Dispose();

    [Fact]
    public void Sale_after_a_card_scan_is_recorded_for_that_customer_before_the_reply()
    {
        var anna = till.Enrol("Anna Rossi", AnnaCard);
        till.Session.HandleScan(AnnaCard);

        var reply = Send(Sale);

        Assert.True(reply.GetProperty("ok").GetBoolean());
        Assert.Equal("recorded", reply.GetProperty("result").GetString());
        Assert.Equal("R-1", reply.GetProperty("receiptNumber").GetString());
        Assert.Equal(anna.Value, reply.GetProperty("customer").GetInt64());
        Assert.True(reply.GetProperty("pointsEarned").GetInt64() > 0);
        Assert.Equal(0, reply.GetProperty("coupons").GetInt32());
        Assert.Equal(1, till.Scalar($"SELECT COUNT(*) FROM sales WHERE receipt_number = 'R-1' AND customer_id = {anna.Value} AND source = 'pos-event'"));
    }

    [Fact]
    public void Same_receipt_twice_earns_once_and_says_duplicate()
    {
        till.Enrol("Anna Rossi", AnnaCard);
        till.Session.HandleScan(AnnaCard);
        Send(Sale);
        var points = till.Scalar("SELECT COALESCE(SUM(delta), 0) FROM ledger");

        var again = Send(Sale);

        Assert.True(again.GetProperty("ok").GetBoolean());
        Assert.Equal("duplicate", again.GetProperty("result").GetString());
        Assert.Equal(points, till.Scalar("SELECT COALESCE(SUM(delta), 0) FROM ledger"));
        Assert.Equal(1, till.Scalar("SELECT COUNT(*) FROM sales"));
    }

    [Fact]
    public void Sale_with_nobody_at_the_counter_is_kept_unclaimed()
    {
        var reply = Send(Sale);

        Assert.Equal("unclaimed", reply.GetProperty("result").GetString());
        Assert.False(reply.TryGetProperty("customer", out _));
        Assert.Equal(1, till.Scalar("SELECT COUNT(*) FROM sales WHERE customer_id IS NULL"));
    }

    [Fact]
    public void Refund_reverses_the_sale_and_a_second_refund_is_a_duplicate()
    {
        var anna = till.Enrol("Anna Rossi", AnnaCard);
        till.Session.HandleScan(AnnaCard);
        var earned = Send(Sale).GetProperty("pointsEarned").GetInt64();

        var refund = Send("""{"type":"refund","receiptNumber":"R-1","total":-12.50}""");
        var again = Send("""{"type":"void","receiptNumber":"R-1"}""");

        Assert.Equal("refunded", refund.GetProperty("result").GetString());
        Assert.Equal(anna.Value, refund.GetProperty("customer").GetInt64());
        Assert.Equal(-earned, refund.GetProperty("pointsEarned").GetInt64());
        Assert.Equal("duplicate", again.GetProperty("result").GetString());
    }

    [Fact]
    public void Refund_of_a_sale_never_seen_is_ignored_with_the_reason()
    {
        var reply = Send("""{"type":"void","receiptNumber":"R-404"}""");

        Assert.True(reply.GetProperty("ok").GetBoolean());
        Assert.Equal("ignored", reply.GetProperty("result").GetString());
        Assert.Contains("no sale", reply.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_line_gets_an_error_with_its_number_and_the_next_line_is_handled()
    {
        var bad = Send("""{"type":"sale","receiptNumber":"R-1","total":"lots"}""");
        var good = Send(Sale);

        Assert.False(bad.GetProperty("ok").GetBoolean());
        Assert.Equal(1, bad.GetProperty("line").GetInt64());
        Assert.Contains("total must be a number", bad.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.True(good.GetProperty("ok").GetBoolean());
    }

    [Fact]
    public void Unreadable_line_from_the_framer_is_answered_as_an_error()
    {
        var reply = JsonDocument.Parse(dispatcher.Handle(new PosEventLine(3, null, "line 3: not UTF-8 text"), "test")).RootElement;

        Assert.False(reply.GetProperty("ok").GetBoolean());
        Assert.Equal(3, reply.GetProperty("line").GetInt64());
        Assert.Equal("line 3: not UTF-8 text", reply.GetProperty("error").GetString());
    }

    [Fact]
    public void Sale_for_another_till_is_not_given_to_the_customer_at_this_counter()
    {
        till.Enrol("Anna Rossi", AnnaCard);
        till.Session.HandleScan(AnnaCard);

        var reply = Send("""{"type":"sale","till":"till-2","receiptNumber":"R-1","total":5}""");

        Assert.Equal("unclaimed", reply.GetProperty("result").GetString());
        Assert.Equal(1, till.Scalar("SELECT COUNT(*) FROM sales WHERE till_id = 'till-2' AND customer_id IS NULL"));
        Assert.NotNull(till.Session.ActiveCustomer);
    }

    [Fact]
    public void Currency_other_than_the_shops_is_counted_and_kept_for_doctor()
    {
        var reply = Send("""{"type":"sale","receiptNumber":"R-1","total":5,"currency":"USD"}""");

        Assert.True(reply.GetProperty("ok").GetBoolean());
        Assert.Equal(1, till.Scalar("SELECT COUNT(*) FROM sales WHERE currency = 'EUR' AND receipt_currency = 'USD'"));
    }

    [Fact]
    public void Storage_failure_is_answered_not_recorded()
    {
        // The database refuses the insert (as a full disk would): the transaction rolls back, nothing is committed.
        var anna = till.Enrol("Anna Rossi", AnnaCard);
        till.Session.HandleScan(AnnaCard);
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={till.DatabasePath};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TRIGGER refuse BEFORE INSERT ON sales BEGIN SELECT RAISE(ABORT, 'disk says no'); END";
            cmd.ExecuteNonQuery();
        }

        var reply = Send(Sale);

        Assert.False(reply.GetProperty("ok").GetBoolean());
        Assert.Equal("R-1", reply.GetProperty("receiptNumber").GetString());
        Assert.StartsWith("not recorded: ", reply.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, till.Scalar("SELECT COUNT(*) FROM sales"));
        Assert.Equal(anna, till.Session.ActiveCustomer);
    }

    private JsonElement Send(string text)
    {
        var bytes = dispatcher.Handle(new PosEventLine(++line, text, null), "test");
        Assert.Equal((byte)'\n', bytes[^1]);
        Assert.DoesNotContain((byte)'\n', bytes[..^1]);
        return JsonDocument.Parse(Encoding.UTF8.GetString(bytes)).RootElement.Clone();
    }
}
