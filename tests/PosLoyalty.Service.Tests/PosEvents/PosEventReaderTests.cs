using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Service.PosEvents;

namespace PosLoyalty.Service.Tests.PosEvents;

public sealed class PosEventReaderTests
{
    private static readonly CurrencyCode Eur = CurrencyCode.Parse("EUR");
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 10, 0, 0, TimeSpan.FromHours(2));

    [Fact]
    public void Full_sale_is_read_with_every_field()
    {
        const string Line = """{"type":"sale","till":"till-2","receiptNumber":"R-1001","total":12.50,"currency":"EUR","items":[{"sku":"LAT","description":"Latte","quantity":2,"amount":7.00},{"description":"Croissant","quantity":1,"amount":5.50}],"at":"2025-06-02T14:03:00+02:00"}""";

        Assert.True(PosEventReader.TryParse(Line, 1, out var posEvent, out var error), error);

        Assert.Equal(PosEventType.Sale, posEvent.Type);
        Assert.Equal("till-2", posEvent.Till);
        Assert.Equal("R-1001", posEvent.ReceiptNumber);
        Assert.Equal(12.50m, posEvent.Total);
        Assert.Equal("EUR", posEvent.Currency);
        Assert.Equal([new PosEventItem("LAT", "Latte", 2m, 7.00m), new PosEventItem(null, "Croissant", 1m, 5.50m)], posEvent.Items);
        Assert.Equal(new DateTimeOffset(2025, 6, 2, 14, 3, 0, TimeSpan.FromHours(2)), posEvent.At);
    }

    [Fact]
    public void Minimal_sale_takes_this_till_and_the_arrival_time()
    {
        Assert.True(PosEventReader.TryParse("""{"type":"sale","receiptNumber":"42","total":3.2}""", 1, out var posEvent, out var error), error);

        var receipt = posEvent.ToTillReceipt("till-1", Eur, Now);

        Assert.Equal(TillReceiptKind.Sale, receipt.Kind);
        Assert.Equal("till-1", receipt.Sale.TillId);
        Assert.Equal(new Money(3.2m, Eur), receipt.Sale.Total);
        Assert.Equal(Now, receipt.Sale.At);
        Assert.Empty(receipt.Sale.Items);
        Assert.Null(receipt.ReceiptCurrency);
    }

    [Theory]
    [InlineData("refund", TillReceiptKind.Refund)]
    [InlineData("void", TillReceiptKind.Void)]
    public void Refund_and_void_name_the_sale_and_need_no_total(string type, TillReceiptKind kind)
    {
        Assert.True(PosEventReader.TryParse($$"""{"type":"{{type}}","receiptNumber":"R-1001"}""", 1, out var posEvent, out var error), error);

        var receipt = posEvent.ToTillReceipt("till-1", Eur, Now);

        Assert.Equal(kind, receipt.Kind);
        Assert.Equal("R-1001", receipt.Sale.ReceiptNumber);
    }

    [Fact]
    public void Refund_may_send_its_total_negative()
    {
        Assert.True(PosEventReader.TryParse("""{"type":"refund","receiptNumber":"R-1","total":-12.50}""", 1, out var posEvent, out var error), error);

        Assert.Equal(new Money(12.50m, Eur), posEvent.ToTillReceipt("till-1", Eur, Now).Sale.Total);
    }

    [Fact]
    public void Another_currency_is_counted_in_the_shops_and_kept_for_doctor()
    {
        Assert.True(PosEventReader.TryParse("""{"type":"sale","receiptNumber":"R-1","total":10,"currency":"usd"}""", 1, out var posEvent, out var error), error);

        var receipt = posEvent.ToTillReceipt("till-1", Eur, Now);

        Assert.Equal(new Money(10m, Eur), receipt.Sale.Total);
        Assert.Equal("USD", receipt.ReceiptCurrency);
    }

    [Fact]
    public void Json_null_is_the_same_as_a_field_left_out()
    {
        Assert.True(PosEventReader.TryParse("""{"type":"sale","till":null,"receiptNumber":"R-1","total":1,"currency":null,"items":null,"at":null}""", 1, out var posEvent, out var error), error);

        Assert.Null(posEvent.Till);
        Assert.Null(posEvent.At);
        Assert.Empty(posEvent.Items);
    }

    [Fact]
    public void At_in_utc_with_fractional_seconds_is_read()
    {
        Assert.True(PosEventReader.TryParse("""{"type":"sale","receiptNumber":"R-1","total":1,"at":"2025-06-02T12:03:00.123Z"}""", 1, out var posEvent, out var error), error);

        Assert.Equal(new DateTimeOffset(2025, 6, 2, 12, 3, 0, 123, TimeSpan.Zero), posEvent.At);
    }

    [Theory]
    [InlineData("""{"type":"sold","receiptNumber":"R","total":1}""", "type must be")]
    [InlineData("""{"receiptNumber":"R","total":1}""", "type is missing")]
    [InlineData("""{"type":"sale","total":1}""", "receiptNumber is missing")]
    [InlineData("""{"type":"sale","receiptNumber":"","total":1}""", "receiptNumber must be 1 to 64")]
    [InlineData("""{"type":"sale","receiptNumber":42,"total":1}""", "receiptNumber must be a string")]
    [InlineData("""{"type":"sale","receiptNumber":"R\u0007","total":1}""", "receiptNumber must be 1 to 64 printable")]
    [InlineData("""{"type":"sale","receiptNumber":"R"}""", "total is missing")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":"12.50"}""", "total must be a number")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":-1}""", "total is negative")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1000000.01}""", "total is above 1,000,000")]
    [InlineData("""{"type":"refund","receiptNumber":"R","total":-1000001}""", "total is above 1,000,000")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1e400}""", "total is not a number in range")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1.23456}""", "total has more than 4 decimals")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1,"currency":"EURO"}""", "currency must be")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1,"currency":"€"}""", "currency must be")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1,"items":{}}""", "items must be an array")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1,"items":["Latte"]}""", "items[0] must be an object")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1,"items":[{"description":"Latte","quantity":0,"amount":1}]}""", "items[0].quantity must be above 0")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1,"items":[{"description":"Latte","quantity":-2,"amount":1}]}""", "items[0].quantity must be above 0")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1,"items":[{"description":"Latte","amount":1}]}""", "items[0].quantity is missing")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1,"items":[{"description":"Latte","quantity":1}]}""", "items[0].amount is missing")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1,"items":[{"description":"A","quantity":1,"amount":1},{"quantity":1,"amount":1}]}""", "items[1].description is missing")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1,"items":[{"description":"A","quantity":1,"amount":1,"colour":"red"}]}""", "items[0].unknown field 'colour'")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1,"at":"2025-06-02T14:03:00"}""", "at must be an ISO 8601 time with its offset")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1,"at":"02/06/2025 14:03"}""", "at must be an ISO 8601 time with its offset")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1,"at":"2025-13-02T14:03:00+02:00"}""", "at must be an ISO 8601 time with its offset")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1,"at":1717330980}""", "at must be an ISO 8601 time with its offset")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1,"tota":1}""", "unknown field 'tota'")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1,"total":2}""", "total is given twice")]
    [InlineData("""[{"type":"sale"}]""", "an event must be a JSON object")]
    [InlineData("""{"type":"sale",""", "not valid JSON")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1,}""", "not valid JSON")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1} // note""", "not valid JSON")]
    [InlineData("""{"type":"sale","receiptNumber":"R","total":1,"items":[[[[[[[[[]]]]]]]]]}""", "not valid JSON")]
    public void Bad_line_is_an_error_naming_the_field_and_the_line(string line, string expected)
    {
        Assert.False(PosEventReader.TryParse(line, 7, out var posEvent, out var error));

        Assert.Null(posEvent);
        Assert.StartsWith("line 7: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlong_strings_are_refused_by_name()
    {
        var longTill = new string('t', 65);
        var longDescription = new string('d', 201);
        var longSku = new string('s', 65);

        Assert.False(PosEventReader.TryParse($$"""{"type":"sale","till":"{{longTill}}","receiptNumber":"R","total":1}""", 1, out _, out var till));
        Assert.False(PosEventReader.TryParse($$"""{"type":"sale","receiptNumber":"{{new string('9', 65)}}","total":1}""", 1, out _, out var number));
        Assert.False(PosEventReader.TryParse($$"""{"type":"sale","receiptNumber":"R","total":1,"items":[{"description":"{{longDescription}}","quantity":1,"amount":1}]}""", 1, out _, out var description));
        Assert.False(PosEventReader.TryParse($$"""{"type":"sale","receiptNumber":"R","total":1,"items":[{"sku":"{{longSku}}","description":"A","quantity":1,"amount":1}]}""", 1, out _, out var sku));

        Assert.Contains("till must be 1 to 64", till, StringComparison.Ordinal);
        Assert.Contains("receiptNumber must be 1 to 64", number, StringComparison.Ordinal);
        Assert.Contains("items[0].description must be 1 to 200", description, StringComparison.Ordinal);
        Assert.Contains("items[0].sku must be 1 to 64", sku, StringComparison.Ordinal);
    }

    [Fact]
    public void Error_never_repeats_the_lines_content()
    {
        Assert.False(PosEventReader.TryParse("""{"type":"sale","receiptNumber":"R","total":1,"items":[{"description":"Anna Rossi's cake","quantity":0,"amount":1}]}""", 1, out _, out var error));

        Assert.DoesNotContain("Anna", error, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_a_thousand_items_are_refused()
    {
        var items = string.Join(',', Enumerable.Repeat("""{"description":"A","quantity":1,"amount":0}""", PosEventReader.MaxItems + 1));

        Assert.False(PosEventReader.TryParse($$"""{"type":"sale","receiptNumber":"R","total":1,"items":[{{items}}]}""", 1, out _, out var error));

        Assert.Contains("items has more than 1000 entries", error, StringComparison.Ordinal);
    }
}
