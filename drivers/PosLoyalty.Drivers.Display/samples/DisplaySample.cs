// Not compiled (see the csproj): greets a customer on a pole display, then clears it.
using PosLoyalty.Drivers.Display;

// Any writable Stream: a tty opened by PosLoyalty.Drivers.Serial, a socket, or a file to inspect the bytes.
await using var transport = File.Create("pole.bin");
await using var display = new PoleDisplay(transport, shouldDispose: false, PoleDisplayProtocol.Cd5220, codePage: 437);

await display.InitializeAsync();
await display.ShowLinesAsync("Welcome back, Zoë", "Stamps: 7 of 10");
await Task.Delay(TimeSpan.FromSeconds(5));
await display.ClearAsync();

// pole.bin now holds: 1B 40 | 1B 51 41 "Welcome back, Zo" 89 "   " 0D 1B 51 42 "Stamps: 7 of 10     " 0D | 0C
