using System.Text.Json.Serialization;

namespace PosLoyalty.Panel.Protocol;

/// <summary>
/// What the panel asks the service to do. Sent as one JSON object per line; "type" names the command.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(EnrolCommand), "enrol")]
[JsonDerivedType(typeof(AddNoteCommand), "addNote")]
[JsonDerivedType(typeof(FindCommand), "find")]
[JsonDerivedType(typeof(SelectCustomerCommand), "selectCustomer")]
[JsonDerivedType(typeof(RedeemCommand), "redeem")]
[JsonDerivedType(typeof(ManualSaleCommand), "manualSale")]
[JsonDerivedType(typeof(ComplaintCommand), "complaint")]
[JsonDerivedType(typeof(AdjustPointsCommand), "adjustPoints")]
[JsonDerivedType(typeof(ClearCommand), "clear")]
[JsonDerivedType(typeof(ConfirmPendingCommand), "confirmPending")]
[JsonDerivedType(typeof(DropPendingCommand), "dropPending")]
[JsonDerivedType(typeof(CaptureReceiptsCommand), "captureReceipts")]
[JsonDerivedType(typeof(QuitCommand), "quit")]
public abstract record PanelCommand;
