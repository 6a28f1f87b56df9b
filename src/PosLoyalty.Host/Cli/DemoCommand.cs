using System.CommandLine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PosLoyalty.Host.Hosting;
using PosLoyalty.Domain.Coupons;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Domain.Sales;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Sales;

namespace PosLoyalty.Host.Cli;

/// <summary>
/// `posloyalty demo`: on a terminal, the service and the cashier panel on a temporary database with sample
/// regulars and a simulated till (scans and receipts every few seconds; the panel's keys work; Q quits and the
/// temporary directory is removed). Without a terminal (a script, CI) a scripted morning at a café is printed
/// instead, on a fresh database under ./data: enrolment, stamps, a coupon and a single-use redemption.
/// </summary>
internal static class DemoCommand
{
    private const string DefaultDemoDatabase = "data/demo.db";

    public static Command Build(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var command = new Command("demo", "a scripted session on a fresh demo database (no hardware needed)");
        bind(command, (ctx, p) =>
        {
            if (PanelServices.HasTerminal)
            {
                return RunLive(ctx, p.GetValue(GlobalOptions.Database));
            }

            var path = p.GetValue(GlobalOptions.Database) ?? DefaultDemoDatabase;
            PrepareFreshFile(path, isDefault: p.GetValue(GlobalOptions.Database) is null);
            using var demo = new ServiceCollection().AddSingleton(ctx.Time).AddPosLoyalty(WithDatabase(ctx.Configuration, path)).BuildServiceProvider();
            var rules = demo.GetRequiredService<LoyaltyRules>();
            var o = ctx.Output;
            var customers = demo.GetRequiredService<CustomerRepository>();
            var sales = demo.GetRequiredService<SaleRecorder>();
            var coupons = demo.GetRequiredService<CouponRepository>();

            o.WriteLine($"PosLoyalty demo — database {Path.GetFullPath(path)}, rules {rules.Currency}, {rules.StampCards.Count} stamp card(s)");
            o.WriteLine();
            var card = CardNumber.Parse("2000-0000-0042");
            var anna = customers.Enrol(new NewCustomer(card, "Anna Rossi", "Mrs Rossi", MonthDay.Parse("05-17"), Phone: "+39 055 123 4567", MarketingConsent: true));
            customers.AddNote(anna, "Ask about her daughter's graduation", pinned: true);
            o.WriteLine($"Enrolled Anna Rossi with card {card.Masked()}: the coffee card starts with {rules.StampCards.FirstOrDefault()?.PreStamped ?? 0} stamps.");

            var start = ctx.Time.GetLocalNow().Date.AddDays(-10).AddHours(8.5);
            CouponView? earned = null;
            for (var visit = 1; visit <= 8; visit++)
            {
                var at = new DateTimeOffset(start.AddDays(visit), ctx.Time.LocalTimeZone.GetUtcOffset(start.AddDays(visit)));
                var latte = new SaleItem("LATTE", "Latte", 1, new Money(3.20m, rules.ShopCurrency));
                var croissant = new SaleItem("CROIS", "Croissant", 1, new Money(2.10m, rules.ShopCurrency));
                var sale = Sale.Create("till-1", $"R{1000 + visit}", new Money(5.30m, rules.ShopCurrency), at, [latte, croissant]);
                var outcome = sales.Apply(anna, sale);
                var stamps = outcome.Stamps.FirstOrDefault();
                o.WriteLine($"Visit {visit}: receipt {sale.ReceiptNumber}, 5.30 → +{outcome.PointsEarned} points (balance {outcome.PointsBalance}), {stamps?.Name} {Boxes(stamps)}");
                foreach (var c in outcome.CouponsIssued)
                {
                    earned = c;
                    o.WriteLine($"         coupon printed: {c.Reward} — code {c.Code.ToDisplayString()}");
                }
            }

            var replay = sales.Apply(anna, Sale.Create("till-1", "R1008", new Money(5.30m, rules.ShopCurrency), ctx.Time.GetLocalNow(), []));
            o.WriteLine($"The POS prints receipt R1008 again (a reprint): duplicate = {replay.Duplicate.ToString().ToLowerInvariant()}, nothing earned twice.");

            if (earned is not null)
            {
                var redeemed = coupons.Redeem(earned.Code);
                o.WriteLine($"Anna scans her coupon: {redeemed.Reward} applied.");
                try
                {
                    coupons.Redeem(earned.Code);
                }
                catch (CouponNotRedeemableException ex)
                {
                    o.WriteLine($"Scanned again: refused — {ex.Message}");
                }
            }

            var profile = customers.GetProfile(anna);
            o.WriteLine();
            o.WriteLine($"At the counter next time: \"Welcome back, {profile.Customer.GreetingOrName}!\" — note: {profile.Notes.FirstOrDefault()?.Text}");
            o.WriteLine($"  {profile.Balance} points, tier {profile.Tier.Name}, {profile.Visits} visits, {string.Join(", ", profile.Stamps.Select(s => s.Name + " " + Boxes(s)))}");
            o.WriteLine();
            o.WriteLine($"Try it yourself: dotnet run --project src/PosLoyalty.Host -- customers show {card.Value} --db {path}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The service in-process with the panel on this terminal, until Q or Ctrl+C.</summary>
    private static int RunLive(CliContext ctx, string? databaseOption)
    {
        var directory = Path.Combine(Path.GetTempPath(), "posloyalty-demo-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        try
        {
            var databasePath = Path.GetFullPath(databaseOption ?? Path.Combine(directory, "demo.db"));
            PrepareFreshFile(databasePath, isDefault: false);

            // No devices: the simulated till stands in for them. The rules are the configured ones.
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DatabasePath"] = databasePath,
                ["Till:Id"] = "till-1",
                ["Panel:Socket"] = Path.Combine(directory, "panel.sock"),
                ["ReceiptTap:SpoolDirectory"] = Path.Combine(directory, "spool"),
            }).Build();
            var service = ServiceConfiguration.Load(configuration, () => ctx.Rules);
            var builder = ServiceHost.CreateBuilder(configuration, service, databasePath, headless: false);
            builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));
            builder.Services.AddSingleton<DemoCustomers>();
            builder.Services.AddHostedService<DemoTillService>();
            using (var host = builder.Build())
            {
                host.Services.GetRequiredService<DemoCustomers>().Seed();
                host.Run();
            }

            return ExitCodes.Ok;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The command's configuration, on the demo's own database file.</summary>
    private static IConfiguration WithDatabase(IConfiguration configuration, string databasePath) =>
        new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection([new KeyValuePair<string, string?>("Storage:DatabasePath", databasePath)])
            .Build();

    private static string Boxes(StampCardView? s) => s is null ? string.Empty : StampCardText.Boxes(s);

    private static void PrepareFreshFile(string path, bool isDefault)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full))
        {
            if (!isDefault)
            {
                throw new CliException($"demo needs a new database file and '{path}' exists: choose another --db or leave it out");
            }

            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(full + suffix);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
    }
}
