using System.Text.Json;
using Npgsql;

namespace PosLoyalty.Chain.Tests;

/// <summary>
/// Issue 15's acceptance through the real executables: two tills, each its own process and SQLite file, enrol one
/// card for two people while PostgreSQL cannot be reached; once both sync, each lists the one conflict, and the
/// merge its listing names, run at one till, settles it at both.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ChainCardConflictEndToEndTests(PostgresCluster cluster)
{
    private const string Card = "4006381333931";

    [PostgresClusterFact]
    public void Two_tills_offline_enrol_one_card_both_list_one_conflict_and_the_listed_merge_at_one_till_settles_it_at_both()
    {
        var db = ChainDatabase.InitThroughTheExecutable(cluster);
        var loginA = db.CreateTillLogin("till-a");
        var loginB = db.CreateTillLogin("till-b");
        using var a = new TillProcess("till-a", Unreachable(loginA));
        using var b = new TillProcess("till-b", Unreachable(loginB));

        a.Json("customers", "add", "--card", Card, "--name", "Ada Lovelace");
        b.Json("customers", "add", "--card", Card, "--name", "Bo Diddley");

        // Offline: sync fails naming the server, and doctor warns without failing the till.
        Assert.Equal(6, a.Run("chain", "sync").ExitCode);
        var (doctorExit, doctorOut, doctorErr) = a.Run("doctor", "--json");
        Assert.True(doctorExit == 0, $"doctor with the chain away: exit {doctorExit}\n{doctorOut}\n{doctorErr}");
        var offline = JsonDocument.Parse(doctorOut).RootElement.GetProperty("chain");
        Assert.False(offline.GetProperty("connected").GetBoolean());
        Assert.Equal(1, offline.GetProperty("outbox").GetInt64());
        Assert.StartsWith(new NpgsqlConnectionStringBuilder(loginA).Username + "@127.0.0.1:", offline.GetProperty("server").GetString(), StringComparison.Ordinal);
        Assert.Contains(JsonDocument.Parse(doctorOut).RootElement.GetProperty("problems").EnumerateArray(), p => p.GetString()!.Contains("works offline", StringComparison.Ordinal));

        // The network is back: A reaches PostgreSQL first and keeps the card; B's claim becomes the conflict.
        a.WriteSecret("chain.conn", loginA);
        b.WriteSecret("chain.conn", loginB);
        Assert.Equal(1, a.Json("chain", "sync").GetProperty("pushed").GetInt32());
        Assert.Equal(1, b.Json("chain", "sync").GetProperty("pushed").GetInt32());
        a.Json("chain", "sync");
        Assert.Equal(1, db.Scalar("SELECT count(*) FROM card_conflicts"));

        var listed = new Dictionary<string, JsonElement>();
        foreach (var till in new[] { a, b })
        {
            var status = till.Json("chain", "status");
            Assert.Equal(["connected", "outbox", "lastPushAt", "lastPullAt", "lagSeconds", "conflicts", "waiting", "waitingReasons", "conflictList"], status.EnumerateObject().Select(p => p.Name));
            Assert.Equal(1, status.GetProperty("conflicts").GetInt64());
            var conflict = Assert.Single(status.GetProperty("conflictList").EnumerateArray());
            Assert.Equal("card", conflict.GetProperty("kind").GetString());
            Assert.Equal("****3931", conflict.GetProperty("card").GetString());
            Assert.Equal("till-a", conflict.GetProperty("holder").GetProperty("tillId").GetString());
            Assert.Equal("till-b", conflict.GetProperty("claimant").GetProperty("tillId").GetString());
            Assert.Equal("shop-1", conflict.GetProperty("claimant").GetProperty("shopId").GetString());
            listed[till.TillId] = conflict;

            var text = till.Run("chain", "status");
            Assert.Equal(0, text.ExitCode);
            Assert.Contains("card ****3931: held by customer", text.Stdout, StringComparison.Ordinal);
            Assert.Contains(conflict.GetProperty("mergeCommand").GetString()!, text.Stdout, StringComparison.Ordinal);

            var doctor = till.Json("doctor").GetProperty("chain");
            Assert.True(doctor.GetProperty("connected").GetBoolean());
            Assert.Equal(1, doctor.GetProperty("conflicts").GetInt64());
            Assert.Equal(conflict.GetProperty("mergeCommand").GetString(), Assert.Single(doctor.GetProperty("conflictList").EnumerateArray()).GetProperty("mergeCommand").GetString());
        }

        // One decision, seen alike at both tills: the same two chain ids, each till naming them by its own numbers.
        Assert.Equal(ChainId(listed["till-a"], "holder"), ChainId(listed["till-b"], "holder"));
        Assert.Equal(ChainId(listed["till-a"], "claimant"), ChainId(listed["till-b"], "claimant"));
        Assert.NotEqual(ChainId(listed["till-a"], "holder"), ChainId(listed["till-a"], "claimant"));

        // At B the card still greets B's own customer until the merge (the pulled holder was enrolled without it).
        Assert.Equal("Bo Diddley", b.Json("customers", "show", Card).GetProperty("name").GetString());

        // The merge exactly as B's listing words it, at B.
        var command = listed["till-b"].GetProperty("mergeCommand").GetString()!.Split(' ');
        Assert.Equal(["posloyalty", "customers", "merge"], command[..3]);
        var merged = b.Run([.. command[1..], "--json"]);
        Assert.True(merged.ExitCode == 0, $"{string.Join(' ', command)} at till-b: exit {merged.ExitCode}\n{merged.Stdout}\n{merged.Stderr}");

        b.Json("chain", "sync");
        a.Json("chain", "sync");
        foreach (var till in new[] { a, b })
        {
            var status = till.Json("chain", "status");
            Assert.Equal(0, status.GetProperty("conflicts").GetInt64());
            Assert.Empty(status.GetProperty("conflictList").EnumerateArray());
            Assert.Equal(0, till.Json("doctor").GetProperty("chain").GetProperty("conflicts").GetInt64());
            Assert.Equal("Ada Lovelace", till.Json("customers", "show", Card).GetProperty("name").GetString());
        }

        foreach (var till in new[] { a, b })
        {
            foreach (var secret in new[] { "Lovelace", "Diddley", Card })
            {
                Assert.DoesNotContain(secret, Outputs(till), StringComparison.Ordinal);
            }

            foreach (var login in new[] { loginA, loginB, db.AdminConnectionString })
            {
                Assert.DoesNotContain(new NpgsqlConnectionStringBuilder(login).Password!, till.Printed, StringComparison.Ordinal);
            }
        }
    }

    [PostgresClusterFact]
    public void Doctor_refuses_a_chain_password_file_others_may_read_as_run_would_naming_the_key()
    {
        using var till = new TillProcess("till-a", "Host=127.0.0.1;Username=till;Password=doctor-readable-pw");
        File.SetUnixFileMode(till.ConnectionFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        var doctor = till.Run("doctor");

        Assert.Equal(4, doctor.ExitCode);
        Assert.Contains("Chain:ConnectionStringFile", doctor.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("doctor-readable-pw", till.Printed, StringComparison.Ordinal);
    }

    private static string ChainId(JsonElement conflict, string side) => conflict.GetProperty(side).GetProperty("chainId").GetString()!;

    /// <summary>What `chain status` and `doctor` print, without the customers' own commands (which show the person).</summary>
    private static string Outputs(TillProcess till) =>
        string.Join('\n', new[] { till.Run("chain", "status"), till.Run("chain", "status", "--json"), till.Run("doctor"), till.Run("doctor", "--json") }.Select(r => r.Stdout + r.Stderr));

    private static string Unreachable(string login) =>
        new NpgsqlConnectionStringBuilder(login) { Port = ChainEndToEndTests.ClosedPort() }.ConnectionString;
}
