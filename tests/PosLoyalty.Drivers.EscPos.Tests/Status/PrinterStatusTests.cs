using Xunit;

namespace PosLoyalty.Drivers.EscPos.Tests.Status;

public sealed class PrinterStatusTests
{
    [Fact]
    public void Fixed_bits_only_mean_online_with_paper_and_cover_closed()
    {
        var status = PrinterStatus.FromRealTimeStatus(0x12, 0x12, 0x12);

        Assert.Equal(PrinterOnlineState.Online, status.State);
        Assert.True(status.IsKnown);
        Assert.False(status.CoverOpen || status.PaperNearEnd || status.PaperEnd || status.ErrorOccurred || status.FeedButtonPressed);
    }

    [Fact]
    public void Printer_status_bit_3_means_offline() =>
        Assert.Equal(PrinterOnlineState.Offline, PrinterStatus.FromRealTimeStatus(0x1A, 0x12, 0x12).State);

    [Fact]
    public void Offline_cause_bits_give_cover_feed_button_paper_end_and_error()
    {
        Assert.True(PrinterStatus.FromRealTimeStatus(0x1A, 0x16, 0x12).CoverOpen);
        Assert.True(PrinterStatus.FromRealTimeStatus(0x1A, 0x1A, 0x12).FeedButtonPressed);
        Assert.True(PrinterStatus.FromRealTimeStatus(0x1A, 0x32, 0x12).PaperEnd);
        Assert.True(PrinterStatus.FromRealTimeStatus(0x1A, 0x52, 0x12).ErrorOccurred);
        Assert.False(PrinterStatus.FromRealTimeStatus(0x1A, 0x16, 0x12).PaperEnd);
    }

    [Fact]
    public void Paper_sensor_0C_is_near_end_and_60_is_paper_end()
    {
        var nearEnd = PrinterStatus.FromRealTimeStatus(0x12, 0x12, 0x1E);
        var end = PrinterStatus.FromRealTimeStatus(0x12, 0x12, 0x72);

        Assert.True(nearEnd.PaperNearEnd);
        Assert.False(nearEnd.PaperEnd);
        Assert.True(end.PaperEnd);
        Assert.False(end.PaperNearEnd);
    }

    [Fact]
    public void A_byte_that_is_not_a_status_reply_is_refused() =>
        Assert.Throws<ArgumentException>(() => PrinterStatus.FromRealTimeStatus(0x60, 0x12, 0x12));

    [Fact]
    public void Unknown_carries_its_reason_and_no_flags()
    {
        var status = PrinterStatus.Unknown("no reply");

        Assert.Equal(PrinterOnlineState.Unknown, status.State);
        Assert.False(status.IsKnown);
        Assert.Equal("no reply", status.UnknownReason);
        Assert.False(status.PaperEnd);
    }

    [Fact]
    public void Automatic_status_block_reports_offline_cover_open_and_paper_end()
    {
        var status = PrinterStatus.FromAutomaticStatus([0x38, 0x00, 0x0C, 0x00]);

        Assert.Equal(PrinterOnlineState.Offline, status.State);
        Assert.True(status.CoverOpen);
        Assert.True(status.PaperEnd);
        Assert.False(status.PaperNearEnd);
        Assert.False(status.ErrorOccurred);
    }

    [Fact]
    public void Automatic_status_block_reports_near_end_and_cutter_error()
    {
        var status = PrinterStatus.FromAutomaticStatus([0x10, 0x08, 0x03, 0x00]);

        Assert.Equal(PrinterOnlineState.Online, status.State);
        Assert.True(status.PaperNearEnd);
        Assert.True(status.ErrorOccurred);
    }

    [Theory]
    [InlineData(new byte[] { 0x12, 0x00, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x10, 0x10, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x10, 0x00, 0x00 })]
    public void Bytes_that_are_not_an_ASB_block_are_refused(byte[] block) =>
        Assert.Throws<ArgumentException>(() => PrinterStatus.FromAutomaticStatus(block));
}
