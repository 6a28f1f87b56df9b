namespace PosLoyalty.Storage.Customers;

/// <summary>One alert for the counter, worded for the cashier ("Birthday on Friday (03-13)").</summary>
public sealed record CounterAlert(CounterAlertKind Kind, string Text);
