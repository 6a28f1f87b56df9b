using Microsoft.Extensions.Logging;
using PosLoyalty.Domain.Coupons;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Till;

namespace PosLoyalty.Chain;

/// <summary>
/// Asks PostgreSQL for a coupon's redemption (<see cref="ChainStore.ClaimCouponAsync"/>) and waits at most
/// Chain:RedemptionWait (2 s): the cashier is told at once when the chain is away or refuses this till's login, and
/// the offline rule decides instead.
/// </summary>
public sealed class ChainCoupons(ChainStore store, ChainOptions options, ILogger<ChainCoupons> logger) : IChainCoupons
{
    public bool OfflineIssuedHereOnly => options.OfflineRedemption == ChainOfflineRedemption.IssuedHere;

    public ChainClaim Claim(CouponCode code, DateTimeOffset at)
    {
        var wait = options.RedemptionWait;
        using var cancel = new CancellationTokenSource(wait);
        var ask = store.ClaimCouponAsync(code.Value, at, cancel.Token);
        try
        {
            // The counter's caller is synchronous (the till's lock): block, but never past the wait.
            return ask.WaitAsync(wait).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or Npgsql.NpgsqlException or System.Net.Sockets.SocketException or ChainException)
        {
            _ = ask.ContinueWith(t => t.Exception, TaskScheduler.Default); // observed if it fails after the wait
            logger.CouponAskFailed(ChainConnection.Explain(ex));
            return ChainConnection.IsRefusal(ex) ? ChainClaim.Refused : ChainClaim.Unreachable;
        }
    }
}
