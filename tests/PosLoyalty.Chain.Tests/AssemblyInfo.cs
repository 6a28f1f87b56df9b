// The tills these tests stand for are Linux machines: password files are checked by their Unix mode.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
