namespace PosLoyalty.Host.Cli;

/// <summary>A configuration value is missing or wrong; the message names the key, the value and what is allowed.</summary>
internal sealed class ConfigurationException(string message) : Exception(message);
