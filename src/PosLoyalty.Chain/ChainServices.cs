using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Outbox;

namespace PosLoyalty.Chain;

/// <summary>The chain's part of the composition root: nothing without a `Chain` section, else the sync service.</summary>
public static class ChainServices
{
    /// <summary>
    /// Registers the sync service (over the outbox and inbox AddPosLoyalty registers) when the configuration has a `Chain` section. The section is bound and validated
    /// here, before the host starts: a bad key or a readable password file stops `run` with one line naming it.
    /// </summary>
    public static IServiceCollection AddPosLoyaltyChain(this IServiceCollection services, IConfiguration configuration, string tillId)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (ChainOptions.Load(configuration) is not { IsConfigured: true } options)
        {
            return services;
        }

        var connectionString = options.ReadConnectionString();
        services.AddSingleton(options);
        services.AddSingleton(new ChainIdentity(options.ShopId!, tillId, ChainConnection.Describe(connectionString)));
        services.AddSingleton(_ => ChainConnection.Open(connectionString));
        services.AddSingleton(sp => new ChainStore(sp.GetRequiredService<Npgsql.NpgsqlDataSource>(), options.ShopId!, tillId));
        services.AddSingleton<ChainSync>();
        services.AddSingleton<PosLoyalty.Service.Till.IChainCoupons, ChainCoupons>(); // TillSession asks it before a redemption
        services.AddHostedService<ChainSyncService>();
        return services;
    }
}
