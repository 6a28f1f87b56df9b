using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Console;
using PosLoyalty.Service.Panel;

namespace PosLoyalty.Host.Hosting;

/// <summary>
/// The panel side of the service (over the repositories of <see cref="PosLoyaltyServices.AddPosLoyalty"/>): the socket panels attach to, the feed and command handler behind it, and on a
/// terminal (without --headless) the panel itself in-process, with every log line sent to a file instead.
/// </summary>
internal static class PanelServices
{
    public const string LogFileName = "posloyalty.log";

    /// <summary>Both ends on a terminal: a panel can be drawn and read keys.</summary>
    public static bool HasTerminal => !Console.IsInputRedirected && !Console.IsOutputRedirected;

    public static HostApplicationBuilder AddPosLoyaltyPanel(this HostApplicationBuilder builder, string databasePath, bool headless)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton<PanelCards>();
        services.AddSingleton<PanelCommandHandler>();
        services.AddSingleton<PanelFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<PanelFeed>());
        services.AddSingleton<PanelReceiptCapture>();
        services.AddSingleton<PanelSocketService>();
        services.AddHostedService(sp => sp.GetRequiredService<PanelSocketService>());

        if (!headless && HasTerminal)
        {
            LogToFile(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, LogFileName));
            services.Configure<SimpleConsoleFormatterOptions>(o => o.ColorBehavior = LoggerColorBehavior.Disabled);
            services.AddSingleton<PanelInProcessConnector>();
            services.AddSingleton<PanelActivity>();
            services.AddHostedService<PanelTerminalService>();
        }

        return builder;
    }

    /// <summary>
    /// Sends stderr to the log file: Console.Error (which the console logger, writing every level to stderr, takes
    /// when the host is built) and file descriptor 2 itself, so what the runtime writes there lands in the file
    /// too. Console.Error was opened on a duplicate of the terminal's descriptor at start-up, so both are needed.
    /// </summary>
    private static void LogToFile(string path)
    {
        var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        PanelNative.RedirectStandardError(file.SafeFileHandle);

        // Lives as long as the process: stderr is the process's, not the host's.
        Console.SetError(TextWriter.Synchronized(new StreamWriter(file) { AutoFlush = true }));
    }
}
