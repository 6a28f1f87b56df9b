using PosLoyalty.Domain.Coupons;

namespace PosLoyalty.Domain.Tests;

public sealed class ChainRedemptionRuleTests
{
    private static readonly CouponCode Code = CouponCode.NewRandom();

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(false, false)]
    public void The_chains_yes_redeems_whoever_issued_it_and_whatever_the_offline_rule(bool issuedHere, bool offlineIssuedHereOnly)
    {
        Assert.Equal(RedemptionDecision.Allow, ChainRedemptionRule.Decide(Code, ChainClaim.Won, issuedHere, offlineIssuedHereOnly));
        Assert.Equal(RedemptionDecision.Allow, ChainRedemptionRule.Decide(Code, ChainClaim.NoChain, issuedHere, offlineIssuedHereOnly));
    }

    [Fact]
    public void A_coupon_another_till_holds_at_postgresql_is_refused_naming_that_till_even_if_issued_here()
    {
        var decision = ChainRedemptionRule.Decide(Code, new ChainClaim(ChainClaimResult.TakenElsewhere, "shop-1/till-c"), issuedHere: true, offlineIssuedHereOnly: true);

        Assert.False(decision.Redeem);
        Assert.Equal($"coupon {Code.ToDisplayString()} was already redeemed at till shop-1/till-c", decision.Refusal);
    }

    [Fact]
    public void A_holder_not_known_is_still_refused_as_another_tills()
    {
        var decision = ChainRedemptionRule.Decide(Code, new ChainClaim(ChainClaimResult.TakenElsewhere), issuedHere: false, offlineIssuedHereOnly: true);

        Assert.False(decision.Redeem);
        Assert.Contains("already redeemed at another till", decision.Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Offline_IssuedHere_redeems_a_coupon_this_till_issued()
    {
        Assert.True(ChainRedemptionRule.Decide(Code, ChainClaim.Unreachable, issuedHere: true, offlineIssuedHereOnly: true).Redeem);
    }

    [Fact]
    public void Offline_IssuedHere_refuses_another_tills_coupon_saying_the_chain_is_unreachable()
    {
        var decision = ChainRedemptionRule.Decide(Code, ChainClaim.Unreachable, issuedHere: false, offlineIssuedHereOnly: true);

        Assert.False(decision.Redeem);
        Assert.StartsWith("the chain is unreachable", decision.Refusal, StringComparison.Ordinal);
        Assert.Contains("not issued at this till", decision.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Offline_Refuse_refuses_every_coupon_saying_the_chain_is_unreachable(bool issuedHere)
    {
        var decision = ChainRedemptionRule.Decide(Code, ChainClaim.Unreachable, issuedHere, offlineIssuedHereOnly: false);

        Assert.False(decision.Redeem);
        Assert.StartsWith("the chain is unreachable", decision.Refusal, StringComparison.Ordinal);
        Assert.Contains("Refuse", decision.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_login_the_chain_refuses_is_named_as_such_to_the_cashier_and_the_offline_rule_still_decides(bool offlineIssuedHereOnly)
    {
        var notIssuedHere = ChainRedemptionRule.Decide(Code, ChainClaim.Refused, issuedHere: false, offlineIssuedHereOnly);
        var issuedHere = ChainRedemptionRule.Decide(Code, ChainClaim.Refused, issuedHere: true, offlineIssuedHereOnly);

        Assert.False(notIssuedHere.Redeem);
        Assert.StartsWith("the chain refused this till's login", notIssuedHere.Refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("unreachable", notIssuedHere.Refusal, StringComparison.Ordinal);
        Assert.Equal(offlineIssuedHereOnly, issuedHere.Redeem);
    }
}
