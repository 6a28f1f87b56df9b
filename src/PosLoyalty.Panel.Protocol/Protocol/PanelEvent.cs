using System.Text.Json.Serialization;

namespace PosLoyalty.Panel.Protocol;

/// <summary>
/// What the service tells the panel. Received as one JSON object per line; "type" names the event.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CustomerIdentifiedEvent), "customerIdentified")]
[JsonDerivedType(typeof(UnknownCardEvent), "unknownCard")]
[JsonDerivedType(typeof(SaleCompletedEvent), "saleCompleted")]
[JsonDerivedType(typeof(CouponRedeemedEvent), "couponRedeemed")]
[JsonDerivedType(typeof(DeviceStatusEvent), "deviceStatus")]
[JsonDerivedType(typeof(IdleUpdatedEvent), "idle")]
[JsonDerivedType(typeof(ClockTickEvent), "clock")]
[JsonDerivedType(typeof(FindResultsEvent), "findResults")]
[JsonDerivedType(typeof(ServiceMessageEvent), "message")]
[JsonDerivedType(typeof(ClearedEvent), "cleared")]
[JsonDerivedType(typeof(PendingSalesEvent), "pendingSales")]
[JsonDerivedType(typeof(CaptureStartedEvent), "captureStarted")]
[JsonDerivedType(typeof(CapturedReceiptEvent), "capturedReceipt")]
[JsonDerivedType(typeof(CaptureFailedEvent), "captureFailed")]
public abstract record PanelEvent;
