namespace PosLoyalty.Panel.Model;

/// <summary>One alert on the customer card; the service words the text ("Birthday on Friday").</summary>
public sealed record CustomerAlert(AlertKind Kind, string Text);
