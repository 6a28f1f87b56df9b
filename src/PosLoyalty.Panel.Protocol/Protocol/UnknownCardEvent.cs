using PosLoyalty.Panel.Model;

namespace PosLoyalty.Panel.Protocol;

public sealed record UnknownCardEvent(UnknownCardModel Card) : PanelEvent;
