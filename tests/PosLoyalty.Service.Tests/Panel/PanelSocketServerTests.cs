using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PosLoyalty.Domain.Values;
using PosLoyalty.Service.Panel;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Security;

namespace PosLoyalty.Service.Tests.Panel;

/// <summary>The panel socket server's command handling and peer check, over a real Unix socket.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PanelSocketServerTests
{
    private const string AnnaCard = "20000000042";

    [Fact]
    public async Task Socket_is_0660_and_a_panel_of_the_same_user_gets_the_idle_screen_first()
    {
        await using var server = await PanelServer.StartAsync();
        using var panel = await server.ConnectAsync();

        var idle = await panel.WaitForAsync("idle");

        Assert.Equal(
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite,
            File.GetUnixFileMode(server.SocketPath));
        Assert.Equal(0, idle.GetProperty("idle").GetProperty("salesToday").GetInt32());
        var policy = server.Get<PanelSocketService>().Policy!;
        Assert.Equal(OwnUserId(), policy.ServiceUserId);
    }

    [Fact]
    public async Task Malformed_and_unknown_commands_get_an_error_reply_and_the_connection_stays_up()
    {
        await using var server = await PanelServer.StartAsync();
        var customers = server.Get<CustomerRepository>();
        customers.Enrol(new NewCustomer(CardNumber.Parse(AnnaCard), "Anna Rossi", "Mrs Rossi"));
        using var panel = await server.ConnectAsync();
        await panel.WaitForAsync("idle");

        panel.Send("this is not json");
        var malformed = await panel.WaitForAsync("message");
        panel.Send("""{"type":"launchRocket"}""");
        var unknown = await panel.WaitForAsync("message");
        panel.Send("""{"type":"find","query":"Rossi"}""");
        var found = await panel.WaitForAsync("findResults");

        Assert.True(malformed.GetProperty("isError").GetBoolean());
        Assert.True(unknown.GetProperty("isError").GetBoolean());
        var match = Assert.Single(found.GetProperty("matches").EnumerateArray());
        Assert.Equal("Anna Rossi", match.GetProperty("displayName").GetString());
        Assert.Equal("0042", match.GetProperty("cardLast4").GetString());
    }

    [Fact]
    public async Task A_capture_on_a_service_without_a_receipt_tap_is_refused_as_configuration_and_the_connection_stays_up()
    {
        await using var server = await PanelServer.StartAsync();
        using var panel = await server.ConnectAsync();
        await panel.WaitForAsync("idle");

        panel.Send("""{"type":"captureReceipts","count":2}""");
        var refused = await panel.WaitForAsync("captureFailed");
        panel.Send("""{"type":"captureReceipts","count":0}""");
        var badCount = await panel.WaitForAsync("captureFailed", e => !e.TryGetProperty("noReceiptTap", out var tap) || !tap.GetBoolean());
        panel.Send("""{"type":"find","query":"nobody"}""");
        await panel.WaitForAsync("findResults");

        Assert.True(refused.GetProperty("noReceiptTap").GetBoolean());
        Assert.Contains("ReceiptTap:Input", refused.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("1 to 1000", badCount.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrol_identifies_the_new_customer_on_every_attached_panel()
    {
        await using var server = await PanelServer.StartAsync();
        using var cashier = await server.ConnectAsync();
        using var second = await server.ConnectAsync();
        await cashier.WaitForAsync("idle");
        await second.WaitForAsync("idle");

        cashier.Send("""{"type":"enrol","name":"Lena Vogt","greeting":"Lena","birthday":"03-14","card":"20000000999"}""");

        foreach (var panel in new[] { cashier, second })
        {
            var identified = await panel.WaitForAsync("customerIdentified");
            var card = identified.GetProperty("customer");
            Assert.Equal("Lena", card.GetProperty("greeting").GetString());
            Assert.Equal("0999", card.GetProperty("cardLast4").GetString());
        }

        Assert.DoesNotContain(cashier.Received, line => line.Contains("20000000999", StringComparison.Ordinal));
        Assert.Equal(server.Get<TillSession>().ActiveCustomer, server.Get<CustomerRepository>().FindByCard(CardNumber.Parse("20000000999"))!.CustomerId);
    }

    [Fact]
    public async Task Complaint_is_stored_as_a_complaint_to_follow_up_and_shows_as_an_alert()
    {
        await using var server = await PanelServer.StartAsync();
        var id = server.Get<CustomerRepository>().Enrol(new NewCustomer(CardNumber.Parse(AnnaCard), "Anna Rossi"));
        using var panel = await server.ConnectAsync();
        await panel.WaitForAsync("idle");

        panel.Send($$"""{"type":"complaint","customerId":{{id.Value}},"text":"Cold croissant","followUp":true}""");
        var card = await panel.WaitForAsync("customerIdentified");

        Assert.Contains(card.GetProperty("customer").GetProperty("alerts").EnumerateArray(), a => a.GetProperty("kind").GetString() == "openComplaint");
        Assert.Equal(1L, Scalar(server, "SELECT COUNT(*) FROM notes WHERE kind = 'complaint' AND follow_up = 1 AND resolved_at IS NULL"));
    }

    [Fact]
    public async Task Wrong_manager_PIN_is_refused_with_an_error_reply_and_the_refusal_is_audited()
    {
        await using var server = await PanelServer.StartAsync();
        var id = server.Get<CustomerRepository>().Enrol(new NewCustomer(CardNumber.Parse(AnnaCard), "Anna Rossi"));
        server.Get<ManagerActions>().SetPin("4321", null);
        using var panel = await server.ConnectAsync();
        await panel.WaitForAsync("idle");

        panel.Send($$"""{"type":"adjustPoints","customerId":{{id.Value}},"points":50,"reason":"goodwill","managerPin":"0000"}""");
        var refused = await panel.WaitForAsync("message");
        panel.Send($$"""{"type":"adjustPoints","customerId":{{id.Value}},"points":50,"reason":"goodwill","managerPin":"4321"}""");
        var adjusted = await panel.WaitForAsync("customerIdentified");

        Assert.True(refused.GetProperty("isError").GetBoolean());
        Assert.Contains("audit", refused.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(50, adjusted.GetProperty("customer").GetProperty("points").GetInt64());
        Assert.Equal(1L, Scalar(server, "SELECT COUNT(*) FROM audit WHERE action = 'points-adjust' AND allowed = 0"));
    }

    [Fact]
    public async Task Manual_sale_needs_a_customer_and_is_recorded_for_the_selected_one()
    {
        await using var server = await PanelServer.StartAsync();
        var id = server.Get<CustomerRepository>().Enrol(new NewCustomer(CardNumber.Parse(AnnaCard), "Anna Rossi"));
        using var panel = await server.ConnectAsync();
        await panel.WaitForAsync("idle");

        panel.Send("""{"type":"manualSale","amount":12.50,"items":["Latte"]}""");
        var refused = await panel.WaitForAsync("message");
        panel.Send($$"""{"type":"selectCustomer","customerId":{{id.Value}}}""");
        await panel.WaitForAsync("customerIdentified");
        panel.Send($$"""{"type":"manualSale","amount":12.50,"items":["Latte"],"customerId":{{id.Value}}}""");
        var sale = await panel.WaitForAsync("saleCompleted");

        Assert.True(refused.GetProperty("isError").GetBoolean());
        Assert.Equal(12, sale.GetProperty("outcome").GetProperty("pointsEarned").GetInt64());
        Assert.StartsWith("M-", sale.GetProperty("receiptNumber").GetString(), StringComparison.Ordinal);
        Assert.Equal(["Latte"], sale.GetProperty("customer").GetProperty("usuallyBuys").EnumerateArray().Select(e => e.GetString()));
        Assert.Null(server.Get<TillSession>().ActiveCustomer); // the sale completed: the next receipt is not Anna's
    }

    [Fact]
    public void Peer_policy_allows_root_the_service_user_and_the_socket_group_only()
    {
        var policy = new PanelPeerPolicy(ServiceUserId: 998, SocketGroupId: 997);

        Assert.True(policy.Allows(new PanelPeer(1, 0, 0, [])));
        Assert.True(policy.Allows(new PanelPeer(1, 998, 998, [])));
        Assert.True(policy.Allows(new PanelPeer(1, 1000, 997, [])));
        Assert.True(policy.Allows(new PanelPeer(1, 1000, 1000, [27, 997])));
        Assert.False(policy.Allows(new PanelPeer(1, 1000, 1000, [27, 100])));
    }

    [RootFact]
    public async Task A_peer_outside_the_group_is_refused_with_an_error_line_even_when_the_socket_mode_was_loosened()
    {
        await using var server = await PanelServer.StartAsync();
        File.SetUnixFileMode(server.SocketPath, (UnixFileMode)0b110_110_110); // someone chmod 666'ed it by hand
        File.SetUnixFileMode(server.Directory, (UnixFileMode)0b111_101_101);

        var start = new ProcessStartInfo("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "/usr/bin/python3", "-c", RefusedProbe, server.SocketPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var nobody = Process.Start(start)!;
        var reply = await nobody.StandardOutput.ReadToEndAsync();
        await nobody.WaitForExitAsync();

        Assert.Contains("\"type\":\"message\"", reply, StringComparison.Ordinal);
        Assert.Contains("refused: uid 65534", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("\"idle\"", reply, StringComparison.Ordinal);
    }

    // Connects, prints everything the service sends until it closes the connection.
    private const string RefusedProbe = """
        import socket, sys
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(sys.argv[1])
        s.settimeout(10)
        data = b""
        while True:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
        sys.stdout.write(data.decode())
        """;

    private static uint OwnUserId() =>
        uint.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[2], System.Globalization.CultureInfo.InvariantCulture);

    private static long Scalar(PanelServer server, string sql)
    {
        using var c = new SqliteConnection($"Data Source={server.DatabasePath};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
