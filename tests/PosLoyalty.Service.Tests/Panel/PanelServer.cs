using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PosLoyalty.Domain.Receipts;
using PosLoyalty.Domain.Rules;
using PosLoyalty.Service.Panel;
using PosLoyalty.Service.Configuration;
using PosLoyalty.Service.Devices;
using PosLoyalty.Service.Tap;
using PosLoyalty.Service.Till;
using PosLoyalty.Storage;
using PosLoyalty.Storage.Coupons;
using PosLoyalty.Storage.Customers;
using PosLoyalty.Storage.Sales;
using PosLoyalty.Storage.Security;

namespace PosLoyalty.Service.Tests.Panel;

/// <summary>
/// The panel socket server in this process, on a real Unix socket in a temporary directory, with the real
/// till session and storage behind it: what the tests send is handled exactly as under `posloyalty run`.
/// </summary>
internal sealed class PanelServer : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private readonly CancellationTokenSource stopping = new();

    private PanelServer(string directory)
    {
        Directory = directory;
        DatabasePath = Path.Combine(directory, "loyalty.db");
        SocketPath = Path.Combine(directory, "panel.sock");
        var rules = LoyaltyRulesReader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "loyalty.json")), "test rules");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(rules);
        services.AddSingleton(Options.Create(new TillOptions()));
        services.AddSingleton(new PanelOptions { Socket = SocketPath });
        services.AddSingleton(_ => LoyaltyDatabase.Open(DatabasePath));
        services.AddSingleton<CustomerRepository>();
        services.AddSingleton<SaleRecorder>();
        services.AddSingleton<PendingSales>();
        services.AddSingleton(ReceiptConfirmationPolicy.Default);
        services.AddSingleton<CouponRepository>();
        services.AddSingleton<ManagerActions>();
        services.AddSingleton<CounterQueries>();
        services.AddSingleton<CustomerCardQuery>();
        services.AddSingleton<TillEventHub>();
        services.AddSingleton<DeviceStatusBoard>();
        services.AddSingleton<TillSession>();
        services.AddSingleton<PanelCards>();
        services.AddSingleton<PanelCommandHandler>();
        services.AddSingleton<PanelFeed>();
        services.AddSingleton(new ReceiptCaptureHub(null)); // no receipt tap here
        services.AddSingleton<PanelReceiptCapture>();
        services.AddSingleton<PanelSocketService>();
        provider = services.BuildServiceProvider();
    }

    public string Directory { get; }

    public string DatabasePath { get; }

    public string SocketPath { get; }

    public T Get<T>()
        where T : notnull => provider.GetRequiredService<T>();

    public static async Task<PanelServer> StartAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "posloyalty-panel-" + Guid.NewGuid().ToString("N")[..8]);
        System.IO.Directory.CreateDirectory(directory);
        var server = new PanelServer(directory);
        await server.Get<PanelFeed>().StartAsync(server.stopping.Token);
        await server.Get<PanelSocketService>().StartAsync(server.stopping.Token);
        await server.Get<PanelSocketService>().Listening.WaitAsync(TimeSpan.FromSeconds(60));
        return server;
    }

    public async Task<PanelClient> ConnectAsync()
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(SocketPath));
        return new PanelClient(socket);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await Get<PanelSocketService>().StopAsync(CancellationToken.None);
        await Get<PanelFeed>().StopAsync(CancellationToken.None);
        await provider.DisposeAsync();
        stopping.Dispose();
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
