namespace PosLoyalty.Panel.State;

public enum ScreenKind
{
    Idle,
    Customer,
    UnknownCard,
    Form,
    FindResults,
}
