using System.CommandLine;
using Npgsql;
using PosLoyalty.Chain;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Outbox;

namespace PosLoyalty.Host.Cli;

/// <summary>
/// `chain init|sync|status|add-till` (docs/chain.md): the shop's PostgreSQL, shared by its tills. No output ever holds the
/// connection string: the server is named as user@host:port/database.
/// </summary>
internal static class ChainCommands
{
    public static Command Build(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var chain = new Command("chain", "the chain: tills and shops sharing one PostgreSQL (docs/chain.md)");

        var tillRole = new Option<string>("--till-role") { Description = "the role the tills' logins belong to: it may add and read events, never change or delete them", DefaultValueFactory = _ => ChainSchema.DefaultTillRole };
        var adminFile = new Option<string?>("--admin-connection-file") { Description = "a file (mode 600) with the connection string of the database's owner; by default Chain:ConnectionString or Chain:ConnectionStringFile" };
        var init = new Command("init", "create or migrate the chain's PostgreSQL schema, and grant the till role; safe to run again") { tillRole, adminFile };
        bind(init, (ctx, p) => Reach(ctx, () =>
        {
            var options = RequireChain(ctx);
            var connectionString = p.GetValue(adminFile) is { } file
                ? new ChainOptions { ConnectionStringFile = file, ShopId = options.ShopId }.ReadConnectionString()
                : options.ReadConnectionString();
            var role = p.GetValue(tillRole)!;
            var applied = Talk(connectionString, async ds => await ChainSchema.MigrateAsync(ds, role, CancellationToken.None));
            var text = applied.Count == 0
                ? $"chain schema at {ChainConnection.Describe(connectionString)} is up to date (version {ChainSchema.CurrentVersion}); role {role} granted"
                : $"chain schema at {ChainConnection.Describe(connectionString)} migrated to version {ChainSchema.CurrentVersion} (applied {string.Join(", ", applied)}); role {role} granted";
            return JsonOutput.Done(ctx, new { version = ChainSchema.CurrentVersion, applied, tillRole = role, server = ChainConnection.Describe(connectionString) }, text);
        }));
        chain.Subcommands.Add(init);

        var sync = new Command("sync", "push this till's outbox to the chain and pull the other tills' changes, once, now");
        bind(sync, (ctx, _) => Reach(ctx, () =>
        {
            var options = RequireChain(ctx);
            var tillId = ServiceSettings.Load(ctx.Configuration).Till.Id;
            var connectionString = options.ReadConnectionString();
            var round = Talk(connectionString, async ds =>
                await new ChainSync(new ChainStore(ds, options.ShopId!, tillId), ctx.Get<ChainOutbox>(), ctx.Get<ChainInbox>(), ctx.Time).RunOnceAsync(CancellationToken.None));
            var state = ctx.Get<ChainOutbox>().ReadState();
            return JsonOutput.Done(
                ctx,
                new { pushed = round.Pushed, pulled = round.Pulled, applied = round.Applied, outbox = state.OutboxDepth, waiting = state.WaitingToApply, conflicts = state.Conflicts },
                $"chain sync: pushed {round.Pushed}, pulled {round.Pulled}, applied {round.Applied}; outbox {state.OutboxDepth}, waiting {state.WaitingToApply}, conflicts {state.Conflicts}");
        }));
        chain.Subcommands.Add(sync);

        var status = new Command("status", "is the chain reachable, what waits to be pushed, when it last synced, and each conflict to review with the command that settles it");
        bind(status, (ctx, _) =>
        {
            var health = ChainHealth.Read(ctx, RequireChain(ctx));
            if (ctx.Json)
            {
                JsonOutput.Write(ctx.Output, health.Json());
            }
            else
            {
                health.WriteText(ctx.Output);
            }

            return ExitCodes.Ok;
        });
        chain.Subcommands.Add(status);
        chain.Subcommands.Add(AddTill(bind));
        chain.Subcommands.Add(RemoveTill(bind));
        return chain;
    }

    /// <summary>`chain add-till`: a till's own login in the till role and its till_logins row, as the schema's owner.</summary>
    private static Command AddTill(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var login = new Option<string>("--login") { Description = "the till's PostgreSQL login (lower-case letters, digits and _)", Required = true };
        var shop = new Option<string>("--shop") { Description = "the shop: the till's Chain:ShopId", Required = true };
        var till = new Option<string>("--till") { Description = "the till: its Till:Id", Required = true };
        var passwordFile = new Option<string?>("--password-file") { Description = "a file (mode 600) holding the login's password; needed for a login that does not exist yet" };
        var adminFile = new Option<string?>("--admin-connection-file") { Description = "a file (mode 600) with the connection string of the database's owner; by default Chain:ConnectionString or Chain:ConnectionStringFile" };
        var tillRole = new Option<string>("--till-role") { Description = "the role of the tills' logins, as given to chain init", DefaultValueFactory = _ => ChainSchema.DefaultTillRole };
        var addTill = new Command("add-till", "as the database's owner: create a till's login in the till role and map it to its one shop and till (till_logins); safe to run again") { login, shop, till, passwordFile, adminFile, tillRole };
        bind(addTill, (ctx, p) => Reach(ctx, () =>
        {
            // The owner's connection comes from the file given, else from this machine's Chain section.
            var connectionString = p.GetValue(adminFile) is { } file
                ? new ChainOptions { ConnectionStringFile = file, ShopId = p.GetValue(shop) }.ReadConnectionString()
                : RequireChain(ctx).ReadConnectionString();
            var password = p.GetValue(passwordFile) is { } secret ? SecretFile.Read(secret, "--password-file") : null;
            var (name, shopId, tillId, role) = (p.GetValue(login)!, p.GetValue(shop)!, p.GetValue(till)!, p.GetValue(tillRole)!);
            var outcome = Talk(connectionString, async ds => await ChainTillLogins.AddAsync(ds, name, shopId, tillId, password, role, CancellationToken.None));
            var changed = new[] { (outcome.Created, "login created"), (outcome.PasswordSet && !outcome.Created, "password set"), (outcome.Mapped, "till_logins row added") }
                .Where(c => c.Item1).Select(c => c.Item2).ToList();
            var server = ChainConnection.Describe(connectionString);
            return JsonOutput.Done(
                ctx,
                new { login = name, shop = shopId, till = tillId, tillRole = role, created = outcome.Created, passwordSet = outcome.PasswordSet, mapped = outcome.Mapped, server },
                $"login {name} writes as till '{tillId}' of shop '{shopId}' at {server} ({(changed.Count == 0 ? "already so" : string.Join(", ", changed))})");
        }));
        return addTill;
    }

    /// <summary>`chain remove-till`: a retired or lost till's login may no longer write (its till_logins row goes), as the schema's owner.</summary>
    private static Command RemoveTill(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var shop = new Option<string>("--shop") { Description = "the shop: the till's Chain:ShopId", Required = true };
        var till = new Option<string>("--till") { Description = "the till: its Till:Id", Required = true };
        var dropLogin = new Option<bool>("--drop-login") { Description = "drop the till's PostgreSQL login too, not only its till_logins row" };
        var adminFile = new Option<string?>("--admin-connection-file") { Description = "a file (mode 600) with the connection string of the database's owner; by default Chain:ConnectionString or Chain:ConnectionStringFile" };
        var removeTill = new Command("remove-till", "as the database's owner: take a till's login away from it (its till_logins row; with --drop-login the login too), so it adds nothing more; its events stay; safe to run again") { shop, till, dropLogin, adminFile };
        bind(removeTill, (ctx, p) => Reach(ctx, () =>
        {
            var connectionString = p.GetValue(adminFile) is { } file
                ? new ChainOptions { ConnectionStringFile = file, ShopId = p.GetValue(shop) }.ReadConnectionString()
                : RequireChain(ctx).ReadConnectionString();
            var (shopId, tillId, drop) = (p.GetValue(shop)!, p.GetValue(till)!, p.GetValue(dropLogin));
            var outcome = Talk(connectionString, async ds => await ChainTillLogins.RemoveAsync(ds, shopId, tillId, drop, CancellationToken.None));
            var server = ChainConnection.Describe(connectionString);
            var text = outcome.Login is null
                ? $"till '{tillId}' of shop '{shopId}' has no login at {server} (nothing changed)"
                : $"till '{tillId}' of shop '{shopId}' no longer has a login at {server} (login {outcome.Login}: till_logins row removed{(outcome.Dropped ? ", login dropped" : string.Empty)}); its events stay";
            return JsonOutput.Done(ctx, new { shop = shopId, till = tillId, login = outcome.Login, removed = outcome.Removed, loginDropped = outcome.Dropped, server }, text);
        }));
        return removeTill;
    }

    internal static ChainOptions RequireChain(CliContext ctx) =>
        ChainOptions.Load(ctx.Configuration) is { IsConfigured: true } options
            ? options
            : throw new ConfigurationException("no Chain section in the configuration: set Chain:ConnectionString (or Chain:ConnectionStringFile) and Chain:ShopId (docs/chain.md)");

    /// <summary>A chain that cannot be reached or refuses is one line on stderr naming the server, and exit 6, like a device that is away.</summary>
    private static int Reach(CliContext ctx, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (ChainException ex)
        {
            ctx.Error.WriteLine("posloyalty: " + ex.Message);
            return ExitCodes.DeviceFailure;
        }
    }

    /// <summary>Runs one conversation with the chain; what goes wrong on the way is a <see cref="ChainException"/> naming the server, never its password.</summary>
    internal static T Talk<T>(string connectionString, Func<NpgsqlDataSource, Task<T>> body)
    {
        using var dataSource = ChainConnection.Open(connectionString);
        try
        {
            return body(dataSource).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is NpgsqlException or ChainException or TimeoutException or System.Net.Sockets.SocketException or InvalidOperationException { InnerException: NpgsqlException })
        {
            throw new ChainException($"chain {ChainConnection.Describe(connectionString)}: {ChainConnection.Explain(ex)}", ex);
        }
    }
}
