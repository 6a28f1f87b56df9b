namespace PosLoyalty.Drivers.EscPos;

/// <summary>Drawer kick-out connector pin pulsed by ESC p m t1 t2; the value is m.</summary>
public enum DrawerPin
{
    /// <summary>m = 0: connector pin 2 (drawer 1 on most cables).</summary>
    Pin2 = 0,

    /// <summary>m = 1: connector pin 5 (drawer 2).</summary>
    Pin5 = 1,
}
