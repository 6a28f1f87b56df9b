namespace PosLoyalty.Host.Tests;

/// <summary>The scripted paths store IT relies on, through the real executable.</summary>
public sealed class CustomerAndSaleCommandsTests : IDisposable
{
    private readonly CliFixture cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void Customers_add_prints_the_customer_as_show_does()
    {
        var added = cli.RunJson("customers", "add", "--card", "4006381333931", "--name", "Paolo Rossi", "--greeting", "Mr Rossi", "--birthday", "03-14", "--phone", "+39 055 123456", "--consent-marketing").Json();
        var shown = cli.RunJson("customers", "show", "4006381333931").Json();

        Assert.Equal("Paolo Rossi", added.GetProperty("name").GetString());
        Assert.Equal("Mr Rossi", added.GetProperty("greeting").GetString());
        Assert.Equal("03-14", added.GetProperty("birthday").GetString());
        Assert.Equal(0, added.GetProperty("pointsBalance").GetInt64());
        Assert.Equal(2, added.GetProperty("stamps")[0].GetProperty("count").GetInt32());
        Assert.Equal(10, added.GetProperty("stamps")[0].GetProperty("target").GetInt32());
        Assert.Equal(added.GetProperty("customerId").GetInt64(), shown.GetProperty("customerId").GetInt64());
        Assert.Equal("infrequent-light", shown.GetProperty("segment").GetString()); // enrolled today, no visit yet
        Assert.Equal("****3931", shown.GetProperty("cards")[0].GetProperty("card").GetString());
    }

    [Fact]
    public void Customers_show_says_a_card_in_debt_owes_stamps_and_never_prints_a_negative_count()
    {
        var id = cli.RunJson("customers", "add", "--card", "5005", "--name", "Anna").Json().GetProperty("customerId").GetInt64();
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={cli.DatabasePath};Pooling=False"))
        {
            // As two tills' coupons for one card leave it after a sync: 2 pre-stamped, 10 consumed.
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "INSERT INTO stamp_events (customer_id, program, delta, reason, at, till) VALUES ($id, 'coffee', -10, 'coupon', '2026-03-02T09:00:00.000Z', 'shop-1/till-2')";
            cmd.Parameters.AddWithValue("$id", id);
            cmd.ExecuteNonQuery();
        }

        var json = cli.RunJson("customers", "show", "5005").Json().GetProperty("stamps")[0];
        var text = cli.MustRun("customers", "show", "5005").Stdout;

        Assert.Equal((0, 8), (json.GetProperty("count").GetInt32(), json.GetProperty("owed").GetInt32()));
        Assert.Contains("owes 8 stamps", text, StringComparison.Ordinal);
        Assert.DoesNotContain("-8", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Global_db_option_works_before_and_after_the_command()
    {
        var before = PosLoyaltyProcess.Run(cli.Directory, "--db", cli.DatabasePath, "customers", "add", "--card", "2002", "--name", "Anna", "--json");
        var after = PosLoyaltyProcess.Run(cli.Directory, "customers", "show", "2002", "--json", "--db", cli.DatabasePath);

        Assert.True(before.ExitCode == 0, before.ToString());
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Equal("Anna", after.Json().GetProperty("name").GetString());
    }

    [Fact]
    public void Sale_apply_reports_points_stamps_and_tier_and_a_replay_changes_nothing()
    {
        cli.RunJson("customers", "add", "--card", "3003", "--name", "Anna");
        var first = cli.RunJson("sales", "apply", "--card", "3003", "--receipt", "R-1", "--total", "12.50", "--till", "till-1", "--at", "2026-03-02T09:30:00+01:00").Json();
        var fingerprint = cli.Fingerprint();
        var replay = cli.RunJson("sales", "apply", "--card", "3003", "--receipt", "R-1", "--total", "12.50", "--till", "till-1", "--at", "2026-03-02T09:30:00+01:00").Json();

        Assert.False(first.GetProperty("duplicate").GetBoolean());
        Assert.Equal(12, first.GetProperty("pointsEarned").GetInt64());
        Assert.Equal(12, first.GetProperty("pointsBalance").GetInt64());
        Assert.Equal(3, first.GetProperty("stamps")[0].GetProperty("count").GetInt32());
        Assert.Equal("Member", first.GetProperty("tier").GetString());
        Assert.True(replay.GetProperty("duplicate").GetBoolean());
        Assert.Equal(0, replay.GetProperty("pointsEarned").GetInt64());
        Assert.Equal(12, replay.GetProperty("pointsBalance").GetInt64());
        Assert.Equal(fingerprint, cli.Fingerprint());
    }

    [Fact]
    public void New_customer_eighth_visit_issues_a_free_coffee_coupon_that_redeems_once()
    {
        cli.RunJson("customers", "add", "--card", "4004", "--name", "Anna");
        System.Text.Json.JsonElement last = default;
        for (var visit = 1; visit <= 8; visit++)
        {
            last = cli.RunJson("sales", "apply", "--card", "4004", "--receipt", $"V{visit}", "--total", "3.20", "--at", $"2026-03-{visit + 1:00}T09:00:00+01:00", "--item", "LATTE|Latte|1|3.20").Json();
            if (visit < 8)
            {
                Assert.Equal(0, last.GetProperty("couponsIssued").GetArrayLength());
            }
        }

        var coupon = last.GetProperty("couponsIssued")[0];
        Assert.Equal("Free coffee", coupon.GetProperty("reward").GetString());
        var code = coupon.GetProperty("code").GetString()!;

        var listed = cli.RunJson("coupons", "list", "--card", "4004").Json();
        Assert.Equal("active", listed[0].GetProperty("status").GetString());

        var redeemed = cli.RunJson("coupons", "redeem", code).Json();
        Assert.Equal("Free coffee", redeemed.GetProperty("reward").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, redeemed.GetProperty("redeemedAt").ValueKind);

        var again = cli.Run("coupons", "redeem", code);
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("already redeemed at", again.Stderr, StringComparison.Ordinal);
        Assert.Equal("redeemed", cli.RunJson("coupons", "show", code).Json().GetProperty("status").GetString());
    }

    [Fact]
    public void Refund_reverses_what_the_sale_earned_and_a_replayed_refund_changes_nothing()
    {
        cli.RunJson("customers", "add", "--card", "5005", "--name", "Anna");
        cli.RunJson("sales", "apply", "--card", "5005", "--receipt", "R-9", "--total", "40.00", "--at", "2026-03-02T09:30:00+01:00");
        var refund = cli.RunJson("sales", "refund", "--receipt", "R-9", "--at", "2026-03-02T10:00:00+01:00").Json();
        var fingerprint = cli.Fingerprint();
        var replay = cli.RunJson("sales", "refund", "--receipt", "R-9").Json();
        var shown = cli.RunJson("customers", "show", "5005").Json();

        Assert.Equal(-40, refund.GetProperty("pointsChange").GetInt64());
        Assert.Equal(0, shown.GetProperty("pointsBalance").GetInt64());
        Assert.Equal(2, shown.GetProperty("stamps")[0].GetProperty("count").GetInt32());
        Assert.True(replay.GetProperty("duplicate").GetBoolean());
        Assert.Equal(fingerprint, cli.Fingerprint());
    }

    [Fact]
    public void Notes_are_shown_pinned_first_and_find_works_by_name_and_phone()
    {
        cli.RunJson("customers", "add", "--card", "6006", "--name", "Paolo Rossi", "--phone", "+39 055 987654");
        cli.RunJson("customers", "note", "6006", "likes oat milk");
        var shown = cli.RunJson("customers", "note", "6006", "ask about the daughter's graduation", "--pin").Json();
        var byName = cli.RunJson("customers", "find", "rossi").Json();
        var byPhone = cli.RunJson("customers", "find", "987654").Json();

        var notes = shown.GetProperty("notes");
        Assert.Equal("ask about the daughter's graduation", notes[0].GetProperty("text").GetString());
        Assert.True(notes[0].GetProperty("pinned").GetBoolean());
        Assert.False(notes[1].GetProperty("pinned").GetBoolean());
        Assert.Equal(1, byName.GetArrayLength());
        Assert.Equal(1, byPhone.GetArrayLength());
    }

    [Fact]
    public void A_replaced_card_stops_working_and_the_new_one_keeps_the_history()
    {
        cli.RunJson("customers", "add", "--card", "7007", "--name", "Anna");
        cli.RunJson("sales", "apply", "--card", "7007", "--receipt", "R-1", "--total", "10.00");
        cli.RunJson("customers", "edit", "7007", "--replace-card", "7008");

        var old = cli.Run("customers", "show", "7007");
        var current = cli.RunJson("customers", "show", "7008").Json();

        Assert.Equal(3, old.ExitCode);
        Assert.Contains("replaced", old.Stderr, StringComparison.Ordinal);
        Assert.Equal(10, current.GetProperty("pointsBalance").GetInt64());
        Assert.Equal(1, current.GetProperty("visits").GetInt32());
    }

    [Fact]
    public void Backup_and_restore_round_trip_and_doctor_reports_healthy()
    {
        cli.RunJson("customers", "add", "--card", "8008", "--name", "Anna");
        var backup = Path.Combine(cli.Directory, "backup.db");
        cli.RunJson("backup", backup);
        cli.RunJson("customers", "add", "--card", "8009", "--name", "Luca");
        var restored = cli.RunJson("restore", backup).Json();
        var doctor = cli.RunJson("doctor").Json();

        Assert.True(File.Exists(restored.GetProperty("previousKeptAt").GetString()));
        Assert.Equal(3, cli.Run("customers", "show", "8009").ExitCode);
        Assert.Equal(0, cli.Run("customers", "show", "8008").ExitCode);
        Assert.Equal("ok", doctor.GetProperty("database").GetProperty("quickCheck").GetString());
        Assert.Equal(0, doctor.GetProperty("database").GetProperty("balanceMismatches").GetInt64());
    }

    [Fact]
    public void Manager_adjustment_needs_the_pin_and_lands_in_the_ledger()
    {
        cli.RunJson("customers", "add", "--card", "9009", "--name", "Anna");
        cli.RunJson("manager", "set-pin", "--new-pin", "4321");
        var refused = cli.Run("customers", "adjust", "9009", "--points", "50", "--reason", "goodwill", "--manager-pin", "0000");
        var done = cli.RunJson("customers", "adjust", "9009", "--points", "50", "--reason", "goodwill", "--manager-pin", "4321").Json();

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("audit", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(50, done.GetProperty("pointsBalance").GetInt64());
        var export = cli.RunJson("customers", "export", "9009").Json();
        Assert.Contains(export.GetProperty("ledger").EnumerateArray(), r => r.GetProperty("reason").GetString() == "adjustment");
        Assert.Equal(2, export.GetProperty("audit").GetArrayLength());
    }

    [Fact]
    public void The_demo_runs_on_a_fresh_database_and_issues_and_redeems_a_coupon()
    {
        var demo = PosLoyaltyProcess.Run(cli.Directory, "demo", "--db", Path.Combine(cli.Directory, "demo.db"));

        Assert.True(demo.ExitCode == 0, demo.ToString());
        Assert.Contains("coupon printed: Free coffee", demo.Stdout, StringComparison.Ordinal);
        Assert.Contains("duplicate = true", demo.Stdout, StringComparison.Ordinal);
        Assert.Contains("already redeemed", demo.Stdout, StringComparison.Ordinal);
    }
}
