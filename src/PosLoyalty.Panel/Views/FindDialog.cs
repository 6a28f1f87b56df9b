using System.Collections.ObjectModel;
using PosLoyalty.Panel.State;
using PosLoyalty.Panel.Text;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace PosLoyalty.Panel.Views;

/// <summary>A search and its results: a list to pick from with the arrows and Enter; F searches again, Esc goes back.</summary>
internal sealed class FindDialog : Dialog
{
    private readonly Label _status = new() { X = 0, Y = 0, Width = Dim.Fill() };
    private readonly ListView _list = new() { X = 0, Y = 1, Width = Dim.Fill(), Height = Dim.Fill(1), Visible = false };

    public FindDialog(FindState find, Action<int> chosen, Action searchAgain, Action closed)
    {
        ArgumentNullException.ThrowIfNull(find);
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(searchAgain);
        ArgumentNullException.ThrowIfNull(closed);
        Query = find.Query;
        Title = "Find \"" + find.Query + "\"";
        Width = Dim.Percent(90);
        Height = Dim.Percent(80);
        Add(_status, _list, new Label { Text = "↑↓ choose  Enter open  F search again  Esc back", X = 0, Y = Pos.AnchorEnd(1) });
        Accepting += (_, e) =>
        {
            e.Handled = true;
            if (_list.Visible && _list.SelectedItem is { } index)
            {
                chosen(index);
            }
        };
        KeyDown += (_, key) =>
        {
            if (key == Key.Esc)
            {
                key.Handled = true;
                closed();
            }
            else if (key.AsRune.Value is 'f' or 'F')
            {
                key.Handled = true;
                searchAgain();
            }
        };
    }

    public string Query { get; }

    public void Show(FindState find, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(find);
        if (find.Matches is null)
        {
            _status.Text = "Searching…";
        }
        else if (find.Matches.Count == 0)
        {
            _status.Text = "No customer matches. F to search again, Esc to go back.";
            _list.Visible = false;
        }
        else
        {
            _status.Text = find.Matches.Count == 1 ? "1 customer" : $"{find.Matches.Count} customers";
            if (!_list.Visible)
            {
                _list.SetSource(new ObservableCollection<string>(find.Matches.Select(m => ScreenText.Match(m, now))));
                _list.Visible = true;
                _list.SelectedItem = 0;
                _list.SetFocus();
            }
        }
    }
}
