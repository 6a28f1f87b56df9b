using System.CommandLine;
using Microsoft.Extensions.Logging.Abstractions;
using PosLoyalty.Chain;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Till;
using PosLoyalty.Domain.Coupons;
using PosLoyalty.Domain.Values;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Customers;

namespace PosLoyalty.Host.Cli;

/// <summary>`coupons list|show|redeem|void|conflicts|resolve`.</summary>
internal static class CouponsCommands
{
    public static Command Build(Action<Command, Func<CliContext, ParseResult, int>> bind)
    {
        var coupons = new Command("coupons", "list, check, redeem and void coupons");

        var card = new Option<string?>("--card") { Description = "only this customer's coupons" };
        var list = new Command("list", "coupons, newest first") { card };
        bind(list, (ctx, p) =>
        {
            CustomerId? who = p.GetValue(card) is { } c ? ctx.Get<CustomerRepository>().Resolve(Parse.Card("--card", c).Value) : null;
            var all = ctx.Get<CouponRepository>().List(who);
            if (ctx.Json)
            {
                JsonOutput.Write(ctx.Output, all.Select(JsonOutput.Coupon));
            }
            else
            {
                foreach (var k in all)
                {
                    ctx.Output.WriteLine($"{k.Code.ToDisplayString()}  {k.Status.ToString().ToLowerInvariant(),-8}  {k.Reward,-24} until {k.ExpiresAt:yyyy-MM-dd}");
                }
            }

            return ExitCodes.Ok;
        });
        coupons.Subcommands.Add(list);

        var showCode = Code();
        var show = new Command("show", "one coupon and its status") { showCode };
        bind(show, (ctx, p) => Print(ctx, ctx.Get<CouponRepository>().Get(ParseCode(p.GetValue(showCode)))));
        coupons.Subcommands.Add(show);

        var redeemCode = Code();
        var redeem = new Command("redeem", "redeem a coupon, once") { redeemCode };
        bind(redeem, (ctx, p) =>
        {
            var code = ParseCode(p.GetValue(redeemCode));
            var tillId = ServiceSettings.Load(ctx.Configuration).Till.Id;
            CouponView coupon;
            if (ChainOptions.Load(ctx.Configuration) is { IsConfigured: true } chain)
            {
                // Asked of the chain like a scan at the counter: once chain-wide, or Chain:OfflineRedemption decides.
                using var dataSource = ChainConnection.Open(chain);
                var ask = new ChainCoupons(new ChainStore(dataSource, chain.ShopId!, tillId), chain, NullLogger<ChainCoupons>.Instance);
                coupon = new CouponRedeemer(ctx.Get<CouponRepository>(), tillId, ask, ctx.Time).Redeem(code);
            }
            else
            {
                coupon = new CouponRedeemer(ctx.Get<CouponRepository>(), tillId, null, ctx.Time).Redeem(code);
            }

            return JsonOutput.Done(
                ctx,
                new { code = coupon.Code.Value, reward = coupon.Reward, value = coupon.Value, redeemedAt = coupon.RedeemedAt },
                $"redeemed {coupon.Code.ToDisplayString()}: apply {coupon.Reward}");
        });
        coupons.Subcommands.Add(redeem);

        var voidCode = Code();
        var reason = new Option<string>("--reason") { Description = "why, for the audit log", Required = true };
        var voidCommand = new Command("void", "cancel an unused coupon") { voidCode, reason };
        bind(voidCommand, (ctx, p) =>
        {
            var coupon = ctx.Get<CouponRepository>().Void(ParseCode(p.GetValue(voidCode)), p.GetValue(reason)!);
            return JsonOutput.Done(ctx, new { code = coupon.Code.Value, voided = true }, $"voided {coupon.Code.ToDisplayString()}");
        });
        coupons.Subcommands.Add(voidCommand);

        var all = new Option<bool>("--all") { Description = "the resolved ones too" };
        var conflicts = new Command("conflicts", "coupons this till redeemed offline that another till had already redeemed (chain), newest first") { all };
        bind(conflicts, (ctx, p) =>
        {
            var tillId = ServiceSettings.Load(ctx.Configuration).Till.Id;
            var found = ctx.Get<CouponConflicts>().List(includeResolved: p.GetValue(all));
            if (ctx.Json)
            {
                JsonOutput.Write(ctx.Output, found.Select(k => CouponConflictOutput.Json(k, tillId)));
            }
            else
            {
                foreach (var k in found)
                {
                    ctx.Output.WriteLine(CouponConflictOutput.Line(k, tillId, maskCode: false));
                }
            }

            return ExitCodes.Ok;
        });
        coupons.Subcommands.Add(conflicts);

        var resolveCode = Code();
        var resolve = new Command("resolve", "acknowledge a coupon conflict: it stays in the history and no longer counts in `chain status`") { resolveCode };
        bind(resolve, (ctx, p) =>
        {
            var tillId = ServiceSettings.Load(ctx.Configuration).Till.Id;
            var k = ctx.Get<CouponConflicts>().Resolve(ParseCode(p.GetValue(resolveCode)));
            return JsonOutput.Done(ctx, CouponConflictOutput.Json(k, tillId), "resolved " + CouponConflictOutput.Line(k, tillId, maskCode: false));
        });
        coupons.Subcommands.Add(resolve);
        return coupons;
    }

    private static Argument<string> Code() => new("CODE") { Description = "the coupon code, with or without dashes" };

    /// <summary>The check character refuses a mistyped or guessed code before any lookup.</summary>
    private static CouponCode ParseCode(string? text) =>
        CouponCode.TryParse(text, out var code, out var error) ? code : throw new DomainValidationException(error);

    private static int Print(CliContext ctx, CouponView coupon)
    {
        if (ctx.Json)
        {
            JsonOutput.Write(ctx.Output, JsonOutput.Coupon(coupon));
        }
        else
        {
            ctx.Output.WriteLine($"{coupon.Code.ToDisplayString()}: {coupon.Reward}, {coupon.Status.ToString().ToLowerInvariant()}, issued {coupon.IssuedAt:yyyy-MM-dd}, until {coupon.ExpiresAt:yyyy-MM-dd}");
        }

        return ExitCodes.Ok;
    }
}
