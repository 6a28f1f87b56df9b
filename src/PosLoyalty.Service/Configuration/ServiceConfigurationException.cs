namespace PosLoyalty.Service.Configuration;

/// <summary>A configuration value the service cannot start with; the message names the key, the value and what is allowed.</summary>
public sealed class ServiceConfigurationException(string message) : Exception(message);
