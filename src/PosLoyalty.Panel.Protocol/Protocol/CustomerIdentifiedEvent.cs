using PosLoyalty.Panel.Model;

namespace PosLoyalty.Panel.Protocol;

public sealed record CustomerIdentifiedEvent(CustomerCardModel Customer) : PanelEvent;
