namespace PosLoyalty.Host.Cli;

/// <summary>A command-line mistake the parser cannot see (a missing --yes, a bad combination).</summary>
internal sealed class CliException(string message) : Exception(message);
