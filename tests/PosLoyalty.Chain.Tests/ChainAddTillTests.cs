using System.Security.Cryptography;
using Npgsql;

namespace PosLoyalty.Chain.Tests;

/// <summary>
/// `posloyalty chain add-till` through the real executable, run as a shop runs it: by the database's owner, who is no
/// superuser (docs/chain.md, setup steps 1 and 2), on a real PostgreSQL that checks passwords (scram-sha-256).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ChainAddTillTests(PostgresCluster cluster)
{
    [PostgresClusterFact]
    public async Task A_till_added_by_the_owner_pushes_as_its_till_and_not_as_another()
    {
        using var shop = await OwnedDatabaseAsync();
        var password = "Pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var passwordFile = shop.BackOffice.WriteSecret("till-a.password", password + "\n");

        var added = shop.BackOffice.Json("chain", "add-till", "--login", shop.Login, "--shop", "shop-1", "--till", "till-a", "--password-file", passwordFile, "--till-role", shop.TillRole);
        var again = shop.BackOffice.Json("chain", "add-till", "--login", shop.Login, "--shop", "shop-1", "--till", "till-a", "--till-role", shop.TillRole);
        var text = shop.BackOffice.Run("chain", "add-till", "--login", shop.Login, "--shop", "shop-1", "--till", "till-a", "--till-role", shop.TillRole);

        Assert.True(added.GetProperty("created").GetBoolean() && added.GetProperty("passwordSet").GetBoolean() && added.GetProperty("mapped").GetBoolean(), added.ToString());
        Assert.False(again.GetProperty("created").GetBoolean() || again.GetProperty("passwordSet").GetBoolean() || again.GetProperty("mapped").GetBoolean(), again.ToString());
        Assert.Equal(0, text.ExitCode);
        Assert.Contains($"login {shop.Login} writes as till 'till-a' of shop 'shop-1'", text.Stdout, StringComparison.Ordinal);
        Assert.Contains("(already so)", text.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, shop.Owner.Scalar($"SELECT count(*) FROM till_logins WHERE login = '{shop.Login}' AND shop_id = 'shop-1' AND till_id = 'till-a'"));
        Assert.DoesNotContain(password, shop.BackOffice.Printed, StringComparison.Ordinal);
        var stored = new ChainDatabase(cluster.AdminConnectionString).Scalar($"SELECT count(*) FROM pg_authid WHERE rolname = '{shop.Login}' AND rolpassword LIKE 'SCRAM-SHA-256$4096:%' AND rolpassword NOT LIKE '%{password}%'");
        Assert.Equal(1, stored); // the server holds the verifier, never the password

        var asTill = new NpgsqlConnectionStringBuilder(shop.Owner.AdminConnectionString) { Username = shop.Login, Password = password }.ConnectionString;
        using (var tillA = new TestTill("till-a", asTill))
        {
            tillA.Enrol("Ada", "CARD0001");
            Assert.Equal(1, (await tillA.SyncAsync()).Pushed);
        }

        using var impostor = new TestTill("till-b", asTill);
        impostor.Enrol("Bea", "CARD0002");
        var refused = await Assert.ThrowsAsync<ChainException>(impostor.SyncAsync);
        Assert.Contains("till_logins must map it to exactly this shop and till", refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, impostor.Outbox.ReadState().OutboxDepth);
        Assert.Equal(1, shop.Owner.Scalar("SELECT count(*) FROM events"));
        Assert.Equal(1, shop.Owner.Scalar("SELECT count(*) FROM events WHERE till_id = 'till-a'"));

        // A new password, given again, is the one that logs in from then on.
        var newPassword = "Pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var changed = shop.BackOffice.Json("chain", "add-till", "--login", shop.Login, "--shop", "shop-1", "--till", "till-a", "--password-file", shop.BackOffice.WriteSecret("till-a.password", newPassword), "--till-role", shop.TillRole);
        Assert.True(changed.GetProperty("passwordSet").GetBoolean());
        await using var old = new NpgsqlConnection(asTill);
        var oldRefused = await Assert.ThrowsAsync<PostgresException>(() => old.OpenAsync());
        Assert.Equal(PostgresErrorCodes.InvalidPassword, oldRefused.SqlState);
        await using var current = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(asTill) { Password = newPassword }.ConnectionString);
        await current.OpenAsync();
    }

    [PostgresClusterFact]
    public async Task Bad_input_is_refused_naming_the_option_and_changes_nothing()
    {
        using var shop = await OwnedDatabaseAsync();
        var passwordFile = shop.BackOffice.WriteSecret("till.password", "a-good-password");
        var readable = shop.BackOffice.WriteSecret("readable.password", "a-good-password");
        File.SetUnixFileMode(readable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var shortPassword = shop.BackOffice.WriteSecret("short.password", "short");
        shop.BackOffice.Json("chain", "add-till", "--login", shop.Login, "--shop", "shop-1", "--till", "till-a", "--password-file", passwordFile, "--till-role", shop.TillRole);
        var other = shop.Login + "_b";

        var cases = new (string[] Args, int Exit, string Says)[]
        {
            (["--login", other, "--shop", "shop-1", "--till", "till-b", "--password-file", readable], 4, "may be read by others (mode 644): chmod 600 it"),
            (["--login", other, "--shop", "shop-1", "--till", "till-b", "--password-file", shop.BackOffice.ConfigPath + ".missing"], 4, "--password-file '"),
            (["--login", other, "--shop", "shop-1", "--till", "till-b", "--password-file", shortPassword], 1, "--password-file: the password has 5 characters: give 8 to 1,000"),
            (["--login", other, "--shop", "shop-1", "--till", "till-b"], 1, $"--password-file: login {other} does not exist yet, so it needs a password"),
            (["--login", "Till-B", "--shop", "shop-1", "--till", "till-b", "--password-file", passwordFile], 1, "--login: 'Till-B' is not a plain login name"),
            (["--login", other, "--shop", "", "--till", "till-b", "--password-file", passwordFile], 1, "--shop: must be 1 to 64 printable characters"),
            (["--login", other, "--shop", "shop-1", "--till", "till-a", "--password-file", passwordFile], 1, $"--till: till 'till-a' of shop 'shop-1' already has the login {shop.Login}"),
            (["--login", shop.Login, "--shop", "shop-1", "--till", "till-b"], 1, $"--login: {shop.Login} is already the login of till 'till-a' of shop 'shop-1'"),
            (["--login", shop.OwnerLogin, "--shop", "shop-1", "--till", "till-b"], 1, $"--login: {shop.OwnerLogin} is the login running this command"),
            (["--login", other, "--shop", "shop-1", "--till", "till-b", "--password-file", passwordFile, "--till-role", "no_such_role_x"], 1, "--till-role: role no_such_role_x does not exist"),
        };

        foreach (var (args, exit, says) in cases)
        {
            var run = shop.BackOffice.Run(["chain", "add-till", .. args, .. args.Contains("--till-role") ? Array.Empty<string>() : ["--till-role", shop.TillRole]]);
            Assert.True(run.ExitCode == exit, $"{string.Join(' ', args)}: exit {run.ExitCode}\n{run.Stdout}\n{run.Stderr}");
            Assert.Contains(says, run.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("a-good-password", run.Stdout + run.Stderr, StringComparison.Ordinal);
        }

        Assert.Equal(1, shop.Owner.Scalar("SELECT count(*) FROM till_logins"));
        Assert.Equal(0, new ChainDatabase(cluster.AdminConnectionString).Scalar($"SELECT count(*) FROM pg_roles WHERE rolname = '{other}'"));
    }

    [PostgresClusterFact]
    public async Task A_removed_till_adds_nothing_more_and_its_till_can_be_given_a_new_login()
    {
        using var shop = await OwnedDatabaseAsync();
        var password = "Pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var passwordFile = shop.BackOffice.WriteSecret("till.password", password);
        shop.BackOffice.Json("chain", "add-till", "--login", shop.Login, "--shop", "shop-1", "--till", "till-a", "--password-file", passwordFile, "--till-role", shop.TillRole);
        var asOld = new NpgsqlConnectionStringBuilder(shop.Owner.AdminConnectionString) { Username = shop.Login, Password = password }.ConnectionString;
        using var till = new TestTill("till-a", asOld);
        till.Enrol("Ada", "CARD0001");
        Assert.Equal(1, (await till.SyncAsync()).Pushed);

        var removed = shop.BackOffice.Json("chain", "remove-till", "--shop", "shop-1", "--till", "till-a");
        var again = shop.BackOffice.Run("chain", "remove-till", "--shop", "shop-1", "--till", "till-a");

        Assert.Equal(shop.Login, removed.GetProperty("login").GetString());
        Assert.True(removed.GetProperty("removed").GetBoolean() && !removed.GetProperty("loginDropped").GetBoolean(), removed.ToString());
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("till 'till-a' of shop 'shop-1' has no login", again.Stdout, StringComparison.Ordinal);
        Assert.Contains("(nothing changed)", again.Stdout, StringComparison.Ordinal);
        till.Enrol("Bea", "CARD0002");
        await Assert.ThrowsAsync<ChainException>(till.SyncAsync);
        Assert.Equal(1, shop.Owner.Scalar("SELECT count(*) FROM events"));
        Assert.Equal(1, till.Outbox.ReadState().OutboxDepth); // kept, for a login that may write as till-a

        // The same till, its same file, under a new login: it pushes what waited.
        var newLogin = shop.Login + "_new";
        shop.BackOffice.Json("chain", "add-till", "--login", newLogin, "--shop", "shop-1", "--till", "till-a", "--password-file", passwordFile, "--till-role", shop.TillRole);
        await using (var asNew = ChainConnection.Open(new NpgsqlConnectionStringBuilder(asOld) { Username = newLogin }.ConnectionString))
        {
            var sameFile = new ChainSync(new ChainStore(asNew, "shop-1", "till-a"), till.Outbox, new PosLoyalty.Storage.Outbox.ChainInbox(till.Database, till.Clock), till.Clock);
            Assert.Equal(1, (await sameFile.RunOnceAsync(CancellationToken.None)).Pushed);
        }

        var dropped = shop.BackOffice.Json("chain", "remove-till", "--shop", "shop-1", "--till", "till-a", "--drop-login");
        Assert.True(dropped.GetProperty("loginDropped").GetBoolean(), dropped.ToString());
        Assert.Equal(0, new ChainDatabase(cluster.AdminConnectionString).Scalar($"SELECT count(*) FROM pg_roles WHERE rolname = '{newLogin}'"));
        Assert.Equal(1, new ChainDatabase(cluster.AdminConnectionString).Scalar($"SELECT count(*) FROM pg_roles WHERE rolname = '{shop.Login}'"));
        Assert.Equal(0, shop.Owner.Scalar("SELECT count(*) FROM till_logins"));
        Assert.Equal(2, shop.Owner.Scalar("SELECT count(*) FROM events WHERE till_id = 'till-a'"));
        Assert.DoesNotContain(password, shop.BackOffice.Printed, StringComparison.Ordinal);
    }

    /// <summary>As docs/chain.md sets a shop up: an owner role with CREATEROLE owning the database, then `chain init` as it.</summary>
    private async Task<Shop> OwnedDatabaseAsync()
    {
        var suffix = Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
        var owner = new NpgsqlConnectionStringBuilder(cluster.AdminConnectionString) { Username = "owner_" + suffix, Password = "pw" + suffix, Database = "shop_" + suffix };
        await using (var super = new NpgsqlConnection(cluster.AdminConnectionString))
        {
            await super.OpenAsync();
            foreach (var sql in new[] { $"CREATE ROLE {owner.Username} LOGIN CREATEROLE PASSWORD '{owner.Password}'", $"CREATE DATABASE {owner.Database} OWNER {owner.Username}" })
            {
                await using var cmd = new NpgsqlCommand(sql, super);
                await cmd.ExecuteNonQueryAsync();
            }
        }

        var backOffice = new TillProcess("back-office", owner.ConnectionString);
        var tillRole = "till_role_" + suffix;
        var init = backOffice.Run("chain", "init", "--till-role", tillRole);
        Assert.True(init.ExitCode == 0, init.ToString());
        return new Shop(backOffice, new ChainDatabase(owner.ConnectionString), owner.Username!, tillRole, "till_" + suffix);
    }

    private sealed record Shop(TillProcess BackOffice, ChainDatabase Owner, string OwnerLogin, string TillRole, string Login) : IDisposable
    {
        public void Dispose() => BackOffice.Dispose();
    }
}
