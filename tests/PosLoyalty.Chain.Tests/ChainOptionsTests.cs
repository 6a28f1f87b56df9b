using Microsoft.Extensions.Configuration;
using PosLoyalty.Service.Configuration;

namespace PosLoyalty.Chain.Tests;

public sealed class ChainOptionsTests
{
    [Fact]
    public void No_chain_section_means_no_chain()
    {
        Assert.Null(ChainOptions.Load(Config(("Till:Id", "till-1"))));
    }

    [Fact]
    public void A_complete_section_binds_with_its_defaults()
    {
        var options = ChainOptions.Load(Config(("Chain:ConnectionString", "Host=db;Username=till;Password=x"), ("Chain:ShopId", "cafe"), ("Chain:OfflineRedemption", "Refuse")))!;

        Assert.Equal("cafe", options.ShopId);
        Assert.Equal(ChainOfflineRedemption.Refuse, options.OfflineRedemption);
        Assert.Equal(TimeSpan.FromSeconds(1), options.PullInterval);
        Assert.Equal(TimeSpan.FromSeconds(10), options.MaxRetryDelay);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RedemptionWait);
        Assert.Equal("Host=db;Username=till;Password=x", options.ReadConnectionString());
    }

    [Theory]
    [InlineData("Chain:ShopId", "cafe", "set exactly one of Chain:ConnectionString and Chain:ConnectionStringFile")]
    [InlineData("Chain:ConnectionString", "Host=db", "Chain:ShopId must be")]
    public void A_section_missing_a_key_is_refused_naming_it(string key, string value, string expected)
    {
        var refused = Assert.Throws<ServiceConfigurationException>(() => ChainOptions.Load(Config((key, value))));
        Assert.Contains(expected, refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Chain:RedemptionWait", "00:00:00.05")]
    [InlineData("Chain:RedemptionWait", "00:05:00")]
    [InlineData("Chain:MaxRetryDelay", "00:00:00.5")]
    [InlineData("Chain:PullInterval", "02:00:00")]
    public void A_wait_out_of_range_is_refused_naming_the_key(string key, string value)
    {
        var refused = Assert.Throws<ServiceConfigurationException>(() => ChainOptions.Load(Config(("Chain:ConnectionString", "Host=db"), ("Chain:ShopId", "cafe"), (key, value))));
        Assert.Contains(key + " " + value, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_is_refused()
    {
        var refused = Assert.Throws<ServiceConfigurationException>(() => ChainOptions.Load(Config(("Chain:ConnectionString", "Host=db"), ("Chain:ShopId", "cafe"), ("Chain:ShopID2", "x"))));
        Assert.Contains("ShopID2", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_offline_redemption_is_refused()
    {
        Assert.Throws<ServiceConfigurationException>(() => ChainOptions.Load(Config(("Chain:ConnectionString", "Host=db"), ("Chain:ShopId", "cafe"), ("Chain:OfflineRedemption", "Sometimes"))));
    }

    [Fact]
    public void A_connection_file_only_its_owner_reads_is_taken_and_one_others_read_is_refused_without_its_content()
    {
        var directory = Directory.CreateTempSubdirectory("posloyalty-chain-options-");
        try
        {
            var file = Path.Combine(directory.FullName, "chain.conn");
            File.WriteAllText(file, "Host=db;Username=till;Password=file-secret\n");
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var options = ChainOptions.Load(Config(("Chain:ConnectionStringFile", file), ("Chain:ShopId", "cafe")))!;
            Assert.Equal("Host=db;Username=till;Password=file-secret", options.ReadConnectionString());

            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
            var refused = Assert.Throws<ServiceConfigurationException>(() => ChainOptions.Load(Config(("Chain:ConnectionStringFile", file), ("Chain:ShopId", "cafe"))));
            Assert.Contains("chmod 600", refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("file-secret", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
