namespace PosLoyalty.Chain.Tests;

/// <summary>
/// Issue 15's erasure acceptance through the real `posloyalty` executable: three tills on one real PostgreSQL; a
/// customer enrolled at A, served at A and C, erased at B, is gone from every till's file and from PostgreSQL.
/// </summary>
[Collection(PostgresCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ChainErasureEndToEndTests(PostgresCluster cluster)
{
    private const string Card = "4006381333931";

    [PostgresClusterFact]
    public void A_customer_erased_at_b_is_gone_from_the_files_of_a_b_and_c_and_from_postgresql_and_the_sales_still_add_up()
    {
        string[] person = ["Philippa Quenby-Marsh", "Dr Quenby", "+44 7700 900314", "philippa.qm@example.net", "asks after the labrador, decaf only", Card];
        var db = ChainDatabase.InitThroughTheExecutable(cluster);
        using var a = new TillProcess("till-a", db.CreateTillLogin("till-a"));
        using var b = new TillProcess("till-b", db.CreateTillLogin("till-b"));
        using var c = new TillProcess("till-c", db.CreateTillLogin("till-c"));

        a.Json("customers", "add", "--card", Card, "--name", person[0], "--greeting", person[1], "--phone", person[2], "--email", person[3], "--consent-marketing");
        a.Json("customers", "note", Card, person[4], "--pin");
        var earned = a.Json("sales", "apply", "--card", Card, "--receipt", "A-1", "--total", "12.50", "--till", "till-a", "--at", "2026-03-02T09:30:00+01:00").GetProperty("pointsEarned").GetInt64();
        a.Json("chain", "sync");
        c.Json("chain", "sync");
        earned += c.Json("sales", "apply", "--card", Card, "--receipt", "C-1", "--total", "7.20", "--till", "till-c", "--at", "2026-03-03T10:00:00+01:00").GetProperty("pointsEarned").GetInt64();
        c.Json("chain", "sync");
        a.Json("chain", "sync");
        b.Json("chain", "sync");

        // The premises: every till and PostgreSQL hold the person before the erasure.
        foreach (var till in new[] { a, b, c })
        {
            Assert.Equal(person[0], till.Json("customers", "show", Card).GetProperty("name").GetString());
            Assert.True(ByteScan.Holds(till.DatabasePath, person[0]), $"the test's premise: {till.TillId}'s file held the name");
        }

        Assert.NotEmpty(db.Find(person));

        var erased = b.Run("customers", "erase", Card, "--yes");
        Assert.True(erased.ExitCode == 0, erased.ToString());
        b.Json("chain", "sync");
        a.Json("chain", "sync");
        c.Json("chain", "sync");

        foreach (var till in new[] { a, b, c })
        {
            Assert.Empty(ByteScan.Find(till.DatabasePath, person));
            Assert.Equal(3, till.Run("customers", "show", Card).ExitCode); // not found
            Assert.Equal(2, till.Json("report", "visits", "--months", "120").GetProperty("total").GetInt64());
        }

        Assert.Empty(db.Find(person));
        Assert.Equal(earned, db.Scalar("SELECT coalesce(sum((l->>'delta')::bigint), 0) FROM events, jsonb_array_elements(payload->'ledger') l WHERE kind = 'sale-recorded'"));
    }
}
