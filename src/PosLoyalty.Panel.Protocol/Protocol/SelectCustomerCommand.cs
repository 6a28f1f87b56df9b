namespace PosLoyalty.Panel.Protocol;

/// <summary>Make a customer picked from find results the active one, as a card scan would.</summary>
public sealed record SelectCustomerCommand(long CustomerId) : PanelCommand;
