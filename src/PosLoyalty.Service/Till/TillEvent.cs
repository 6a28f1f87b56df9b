namespace PosLoyalty.Service.Till;

/// <summary>
/// Something the counter should see, published by <see cref="TillSession"/> to the panel, the customer
/// view and the pole display. Events carry ids and views, never raw scans or receipt text.
/// </summary>
/// <param name="At">When it happened, from the session's clock.</param>
public abstract record TillEvent(DateTimeOffset At);
