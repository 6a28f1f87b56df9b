using System.Text.Json;
using PosLoyalty.Panel.Model;
using PosLoyalty.Panel.Protocol;
using PosLoyalty.Panel.Tests.Support;

namespace PosLoyalty.Panel.Tests;

public sealed class ProtocolJsonTests
{
    public static TheoryData<PanelCommand> Commands() =>
    [
        new EnrolCommand("Anna Bianchi", "Anna", "03-14", "0171 555", "anna@example.com", true, Sample.RawCard),
        new AddNoteCommand(42, "Oat milk", true),
        new FindCommand("ross"),
        new SelectCustomerCommand(51),
        new RedeemCommand("K7QF-9XMA-T3"),
        new ManualSaleCommand(12.50m, ["flat white", "croissant"], 42),
        new ComplaintCommand(42, "Cold croissant", true),
        new AdjustPointsCommand(42, -20, "Wrong card", "2468"),
        new ClearCommand(),
        new CaptureReceiptsCommand(2),
        new QuitCommand(),
    ];

    public static TheoryData<PanelEvent> Events() =>
    [
        new CustomerIdentifiedEvent(Sample.Rossi),
        new UnknownCardEvent(new UnknownCardModel(Sample.RawCard)),
        new SaleCompletedEvent(new SaleOutcome(12, "a free coffee"), Sample.Anna, "R-1042"),
        new CouponRedeemedEvent("K7QF-9XMA-T3", true, "Free coffee"),
        new DeviceStatusEvent(new DeviceStatus("Printer", DeviceState.PaperLow, "/dev/usb/lp0")),
        new IdleUpdatedEvent(Sample.Idle),
        new ClockTickEvent(Sample.Now),
        new FindResultsEvent("ross", Sample.Matches),
        new ServiceMessageEvent("Enrolled Anna", false),
        new ClearedEvent(),
        new CaptureStartedEvent(2, SkipsReceiptInProgress: true),
        new CapturedReceiptEvent(1, [0x1B, 0x40, (byte)'*', 0x1D, 0x56, 0x00], 12),
        new CaptureFailedEvent("the receipt tap stopped", NoReceiptTap: false),
    ];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Command_round_trips_as_one_json_line(PanelCommand command)
    {
        var line = PanelJson.SerializeCommand(command);
        var back = PanelJson.DeserializeCommand(line);

        Assert.DoesNotContain('\n', line);
        Assert.Equal(command.GetType(), back.GetType());
        Assert.Equal(line, PanelJson.SerializeCommand(back));
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Event_round_trips_as_one_json_line(PanelEvent panelEvent)
    {
        var line = PanelJson.SerializeEvent(panelEvent);
        var back = PanelJson.DeserializeEvent(line);

        Assert.DoesNotContain('\n', line);
        Assert.Equal(panelEvent.GetType(), back.GetType());
        Assert.Equal(line, PanelJson.SerializeEvent(back));
    }

    [Fact]
    public void Captured_receipt_bytes_travel_as_base64_and_come_back_exactly()
    {
        byte[] bytes = [0x1B, 0x40, 0x00, 0xFF, (byte)'\n', 0x1D, 0x56, 0x42, 0x00];
        var line = PanelJson.SerializeEvent(new CapturedReceiptEvent(3, bytes, 0));

        Assert.Contains("\"bytes\":\"" + Convert.ToBase64String(bytes) + "\"", line, StringComparison.Ordinal);
        Assert.Equal(bytes, Assert.IsType<CapturedReceiptEvent>(PanelJson.DeserializeEvent(line)).Bytes);
    }

    [Fact]
    public void Wire_format_is_camel_case_with_a_type_discriminator_first()
    {
        var line = PanelJson.SerializeCommand(new AddNoteCommand(42, "Oat milk", true));

        Assert.Equal("""{"type":"addNote","customerId":42,"text":"Oat milk","pinned":true}""", line);
    }

    [Fact]
    public void Enums_travel_as_camel_case_names()
    {
        var line = PanelJson.SerializeEvent(new DeviceStatusEvent(new DeviceStatus("Printer", DeviceState.PaperLow)));

        Assert.Contains("\"state\":\"paperLow\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_with_the_type_written_last_is_still_read()
    {
        var read = PanelJson.DeserializeCommand("""{"code":"AB12","type":"redeem"}""");

        Assert.Equal(new RedeemCommand("AB12"), read);
    }

    [Fact]
    public void An_unknown_type_is_a_json_error()
    {
        Assert.ThrowsAny<JsonException>(() => PanelJson.DeserializeEvent("""{"type":"selfDestruct"}"""));
    }

    [Fact]
    public void Customer_card_fields_survive_the_trip()
    {
        var back = (CustomerIdentifiedEvent)PanelJson.DeserializeEvent(PanelJson.SerializeEvent(new CustomerIdentifiedEvent(Sample.Rossi)));

        Assert.Equal(Sample.Rossi.PinnedNotes, back.Customer.PinnedNotes);
        Assert.Equal(Sample.Rossi.RecentNotes, back.Customer.RecentNotes);
        Assert.Equal(Sample.Rossi.Alerts, back.Customer.Alerts);
        Assert.Equal(Sample.Rossi.Tier, back.Customer.Tier);
        Assert.Equal(Sample.Rossi.AsOf, back.Customer.AsOf);
    }
}
