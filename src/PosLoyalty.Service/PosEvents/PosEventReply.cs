using System.Buffers;
using System.Text.Json;

namespace PosLoyalty.Service.PosEvents;

/// <summary>The reply lines of the protocol (docs/pos-protocol.md): one JSON object and a newline per event line.</summary>
internal static class PosEventReply
{
    public static byte[] Ok(string receiptNumber, string result, long? customer = null, long? pointsEarned = null, int? coupons = null, int? couponsVoided = null, string? reason = null) =>
        Write(writer =>
        {
            writer.WriteBoolean("ok", true);
            writer.WriteString("receiptNumber", receiptNumber);
            writer.WriteString("result", result);
            WriteNumber(writer, "customer", customer);
            WriteNumber(writer, "pointsEarned", pointsEarned);
            WriteNumber(writer, "coupons", coupons);
            WriteNumber(writer, "couponsVoided", couponsVoided);
            if (reason is not null)
            {
                writer.WriteString("reason", reason);
            }
        });

    public static byte[] Error(long line, string? receiptNumber, string error) =>
        Write(writer =>
        {
            writer.WriteBoolean("ok", false);
            writer.WriteNumber("line", line);
            if (receiptNumber is not null)
            {
                writer.WriteString("receiptNumber", receiptNumber);
            }

            writer.WriteString("error", error);
        });

    private static void WriteNumber(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }
}
